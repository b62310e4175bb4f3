using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Domain.Values;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain;
using System.Net;
using System.Text.RegularExpressions;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Lexom.Training.Web.Tests.Proposals;

/// <summary>The steps of the proposal tests, as a client and a sales person do them through the pages.</summary>
internal static partial class ProposalSteps
{
    /// <summary>Complete drafts of RCL-RCL-02 (one named participant, 1 190,00 € HT, 13–14 April 2026) for one new
    /// client, written straight to the database: ready to issue.</summary>
    public static async Task<List<Guid>> SeedDraftsAsync(LexomApp app, int count, string siret = "73282932000074", string clientName = "Rappels SA")
    {
        await using var db = app.OpenDb();
        var client = Client.Company(Guid.NewGuid(), clientName, siret, null, "Camille Rappel", "reminder@exemple.test", null,
            new PostalAddress("1 rue de l'Exemple", null, "07200", "Aubenas"), app.Clock.GetUtcNow());
        db.Clients.Add(client);
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "RCL-RCL-02");
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var draft = Proposal.Draft(Guid.NewGuid(), PayerKind.Company, SalesChannel.Staff, TrainingKind.Inter, ProposalDrafts.Snapshot(course),
                Percentage.Of(30m), new DateOnly(2026, 3, 2), client.Id);
            draft.AddParticipant(Guid.NewGuid(), "Lucie Martin");
            draft.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", 1, Money.Euros(1190m));
            draft.AddSession(new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 14));
            draft.SetPlace("LEXOM, Aubenas");
            draft.SetBillingAddress(client.BillingAddress.ToString());
            db.Proposals.Add(draft);
            db.Entry(draft).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
            ids.Add(draft.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>A client's request through the public form; returns the request's id.</summary>
    public static async Task<Guid> RequestAsync(LexomApp app, int participants, string names, string email, string siret = "73282932000074")
    {
        var fields = new Dictionary<string, string>
        {
            ["Formation"] = "RCL-RCL-02", ["ClientKind"] = "entreprise", ["CompanyName"] = "Coteaux de l'Ardèche SCA", ["Siret"] = siret,
            ["VatNumber"] = "", ["ContactName"] = "Marie-Christine Dupont", ["Email"] = email, ["Phone"] = "04 75 00 00 01",
            ["AddressLine1"] = "1245 route départementale 579", ["AddressLine2"] = "", ["PostalCode"] = "07150", ["City"] = "Vallon-Pont-d'Arc",
            ["Format"] = "inter", ["WishedStart"] = "2026-04-13", ["WishedDates"] = "", ["Place"] = "", ["ParticipantCount"] = participants.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ParticipantNames"] = names, ["Message"] = "", ["Website"] = "", ["SubmissionKey"] = Guid.NewGuid().ToString(),
        };
        using var client = app.NewClient();
        using var response = await client.PostFormAsync("/demande-de-proposition?formation=RCL-RCL-02", "/demande-de-proposition", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.OpenDb();
        var clientId = await db.Clients.Where(c => c.Siret == siret).Select(c => c.Id).SingleAsync();
        return await db.ProposalRequests.Where(r => r.ClientId == clientId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).FirstAsync();
    }

    /// <summary>« Préparer la proposition » on the request's page; returns the draft's id.</summary>
    public static async Task<Guid> PrepareAsync(TestClient sales, Guid requestId)
    {
        using var response = await sales.PostFormAsync($"/gestion/demandes/{requestId}", $"/gestion/demandes/{requestId}/proposition");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/gestion/propositions/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/gestion/propositions/".Length..]);
    }

    /// <summary>The draft's form as the page shows it (every input and textarea), with some fields changed.</summary>
    public static async Task<Dictionary<string, string>> FormOfAsync(TestClient sales, Guid id)
    {
        var html = await sales.GetPageAsync($"/gestion/propositions/{id}");
        var start = html.IndexOf($"action=\"/gestion/propositions/{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "Le formulaire du brouillon est absent.");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>();
        foreach (Match m in InputPattern().Matches(form))
        {
            var name = m.Groups["name"].Value;
            if (name == "__RequestVerificationToken") continue;
            var value = ValuePattern().Match(m.Value);
            fields[name] = value.Success ? value.Groups[1].Value : "";
        }
        foreach (Match m in TextAreaPattern().Matches(form)) fields[m.Groups["name"].Value] = m.Groups["value"].Value.TrimStart('\n');
        return fields;
    }

    public static async Task<HttpResponseMessage> SaveAsync(TestClient sales, Guid id, Dictionary<string, string> fields) =>
        await sales.PostFormAsync($"/gestion/propositions/{id}", $"/gestion/propositions/{id}", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static async Task<HttpResponseMessage> IssueAsync(TestClient sales, Guid id) =>
        await sales.PostFormAsync($"/gestion/propositions/{id}", $"/gestion/propositions/{id}/emettre");

    /// <summary>The PDF's words joined by single ASCII spaces (French narrow spaces made plain).</summary>
    public static string PdfText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var text = string.Join(' ', doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        return Spaces().Replace(text, " ");
    }

    [GeneratedRegex("<input [^>]*name=\"(?<name>[^\"]+)\"[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();

    [GeneratedRegex("<textarea [^>]*name=\"(?<name>[^\"]+)\"[^>]*>(?<value>[^<]*)</textarea>")]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
