using System.IO.Compression;
using System.Net;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Web.Features.Audit;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Privacy;

/// <summary>The steps of the privacy tests: a client with an issued proposal and its signed-in account, the audit lines, a zip read back.</summary>
internal static class PrivacySteps
{
    private static int _n;

    public sealed record Person(Guid ClientId, Guid ProposalId, string Email, string Siret);

    /// <summary>A valid SIRET (Luhn), different for each call.</summary>
    public static string Siret()
    {
        var body = "4432" + (Interlocked.Increment(ref _n) + 1000 * Environment.ProcessId % 1000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        for (var check = 0; check < 10; check++)
        {
            var candidate = body + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (FrenchIdentifiers.IsValidSiret(candidate)) return candidate;
        }
        throw new InvalidOperationException("Pas de SIRET valide.");
    }

    /// <summary>A company's request, prepared and issued by <paramref name="sales"/>: the client and its invited account exist.</summary>
    public static async Task<Person> ClientWithProposalAsync(LexomApp app, TestClient sales, string tag)
    {
        var email = $"{tag}.{Guid.NewGuid():N}"[..20] + "@client.example";
        var siret = Siret();
        var proposalId = await OrderSteps.IssuedProposalAsync(app, sales, email, siret);
        await using var db = app.OpenDb();
        var clientId = await db.Clients.Where(c => c.Siret == siret).Select(c => c.Id).SingleAsync();
        return new Person(clientId, proposalId, email, siret);
    }

    public static async Task<List<AuditLogEntry>> AuditAsync(LexomApp app, Func<IQueryable<AuditLogEntry>, IQueryable<AuditLogEntry>> filter)
    {
        await using var db = app.OpenDb();
        return await filter(db.Set<AuditLogEntry>().AsNoTracking()).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Every file of a zip as text.</summary>
    public static async Task<Dictionary<string, string>> ZipAsync(TestClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            files[entry.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }
}
