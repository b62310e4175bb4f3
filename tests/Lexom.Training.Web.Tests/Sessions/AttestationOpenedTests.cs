using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Billing;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>
/// Issue 8's « ouverte » state of an attestation: the first download by its client from <c>/espace-client</c> (no tracking
/// pixel). A download by the staff, or another client's refused attempt, opens nothing.
/// </summary>
public sealed class AttestationOpenedTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task K1_an_attestation_downloaded_by_its_client_shows_as_opened_on_the_tracking_page()
    {
        var order = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("ouverte@ouverture.example", 2, clientName: "Ouverture SARL"));
        var other = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("autre@ouverture.example", 1, clientName: "Autre SAS"));
        var (sessionId, _, _) = await ClosableSessionAsync(app, [order.Id], null, null);
        using var admin = await app.SignedInAsync(Roles.Admin);
        using (var close = await admin.PostFormAsync($"/gestion/sessions/{sessionId}", $"/gestion/sessions/{sessionId}/cloture"))
            Redirected(close, $"/gestion/sessions/{sessionId}/attestations");
        var tracking = $"/gestion/sessions/{sessionId}/attestations";
        Assert.Contains("ouvertes dans l'espace client : 0", WebUtility.HtmlDecode(await admin.GetPageAsync(tracking)), StringComparison.Ordinal);

        Guid fileId;
        await using (var db = app.OpenDb())
            fileId = await db.SessionAttestations.Where(a => a.SessionId == sessionId).OrderBy(a => a.ParticipantName).Select(a => a.StoredFileId).FirstAsync();

        // The staff's own download and another client's refused one open nothing.
        using (var staffDownload = await admin.GetAsync($"/gestion/fichiers/{fileId}")) Assert.Equal(HttpStatusCode.OK, staffDownload.StatusCode);
        using (var stranger = await ClientAccountAsync(app, other.ClientId, "compte.autre@ouverture.example"))
        using (var refused = await stranger.GetAsync($"/espace-client/fichiers/{fileId}"))
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, await OpenedCountAsync(sessionId));

        // The client downloads it: « ouverte » at that instant, once; a later download keeps the first instant.
        using (var client = await ClientAccountAsync(app, order.ClientId, "compte.ouverte@ouverture.example"))
        {
            using (var download = await client.GetAsync($"/espace-client/fichiers/{fileId}"))
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            using (var again = await client.GetAsync($"/espace-client/fichiers/{fileId}"))
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        await using (var db = app.OpenDb())
        {
            var rows = await db.SessionAttestations.AsNoTracking().Where(a => a.SessionId == sessionId).ToListAsync();
            Assert.Equal(app.Clock.GetUtcNow(), Assert.Single(rows, r => r.OpenedAt is not null).OpenedAt);
            Assert.Equal(fileId, rows.Single(r => r.OpenedAt is not null).StoredFileId);
        }
        var page = WebUtility.HtmlDecode(await admin.GetPageAsync(tracking));
        Assert.Contains("ouvertes dans l'espace client : 1", page, StringComparison.Ordinal);
        Assert.Contains($"ouverte le {app.Clock.GetUtcNow():dd/MM/yyyy HH:mm} UTC", page, StringComparison.Ordinal);
        Assert.Contains("pas encore téléchargée", page, StringComparison.Ordinal);
    }

    private async Task<int> OpenedCountAsync(Guid sessionId)
    {
        await using var db = app.OpenDb();
        return await db.SessionAttestations.CountAsync(a => a.SessionId == sessionId && a.OpenedAt != null);
    }
}
