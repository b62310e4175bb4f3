using Lexom.Training.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>
/// The « ouverte » state of an attestation (issue 8): the first instant its client downloaded it from <c>/espace-client</c>.
/// No tracking pixel in the e-mail (RGPD, and mail clients block them): only a download the client asked for counts. One
/// statement that only fills an empty column, so two downloads at once keep the first instant.
/// </summary>
public sealed class AttestationOpenings(AppDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(StoredFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Kind != StoredFileKind.Attestation) return;
        var now = clock.GetUtcNow();
        await db.SessionAttestations.Where(a => a.StoredFileId == file.Id && a.OpenedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OpenedAt, now), ct);
    }
}
