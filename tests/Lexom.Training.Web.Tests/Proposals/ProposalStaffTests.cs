using System.Net;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Proposals;

/// <summary>/gestion/propositions: P2, the state rules (issued never edited, double issue, new version), bad input and access.</summary>
public sealed class ProposalStaffTests(LexomApp app) : IClassFixture<LexomApp>
{
    private const string Place = "LEXOM, salle Tanargue, Aubenas (07)";

    /// <summary>A complete draft from a request of <paramref name="participants"/>, ready to issue.</summary>
    private async Task<(TestClient Sales, Guid Id)> ReadyDraftAsync(int participants = 3, string siret = "44306184100047")
    {
        var requestId = await ProposalSteps.RequestAsync(app, participants, "Lucie Martin", $"staff-{Guid.NewGuid():N}@exemple.test", siret);
        var sales = await app.SignedInAsync(Roles.Sales);
        var id = await ProposalSteps.PrepareAsync(sales, requestId);
        var form = await ProposalSteps.FormOfAsync(sales, id);
        form["Place"] = Place;
        using var saved = await ProposalSteps.SaveAsync(sales, id, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (sales, id);
    }

    private async Task<Proposal> LoadAsync(Guid id)
    {
        await using var db = app.OpenDb();
        return (await ProposalDrafts.LoadAsync(db, id, CancellationToken.None))!;
    }

    [Fact]
    public async Task P2_12_participants_for_a_course_of_10_at_most_need_2_sessions_at_the_same_unit_price()
    {
        var (sales, id) = await ReadyDraftAsync(participants: 12, siret: "55210055400013");
        using var _ = sales;
        var page = await sales.GetPageAsync($"/gestion/propositions/{id}");
        Assert.Contains("12 participants pour 10 au plus par session : 2 sessions sont nécessaires, chacune au même prix unitaire", page, StringComparison.Ordinal);
        Assert.Contains("les dates de 2 sessions (12 participants, 10 au plus par session)", page, StringComparison.Ordinal);
        var draft = await LoadAsync(id);
        var line = Assert.Single(draft.Lines);
        Assert.Equal(12m, line.Quantity);
        Assert.Equal(1190m, line.UnitPriceHt.Amount);
        using (var refused = await ProposalSteps.IssueAsync(sales, id))
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("La proposition ne peut pas être émise : il manque les dates de 2 sessions", await sales.GetPageAsync($"/gestion/propositions/{id}"), StringComparison.Ordinal);
        Assert.Null((await LoadAsync(id)).Number);

        var form = await ProposalSteps.FormOfAsync(sales, id);
        form["Sessions[1].Start"] = "2026-04-20";
        form["Sessions[1].End"] = "2026-04-21";
        using (var saved = await ProposalSteps.SaveAsync(sales, id, form)) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var issued = await ProposalSteps.IssueAsync(sales, id)) Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var proposal = await LoadAsync(id);
        Assert.Equal(ProposalStatus.Issued, proposal.Status);
        Assert.Equal(2, proposal.Sessions.Count);
        Assert.Equal(14_280m, proposal.Totals.Ht.Amount); // 12 × 1 190,00, the same unit price for both sessions
        var pdf = ProposalSteps.PdfText(await sales.Http.GetByteArrayAsync($"/gestion/propositions/{id}/pdf"));
        Assert.Contains("2 sessions sont organisées dans les mêmes conditions financières", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task P3_P5_an_issued_proposal_is_never_edited_and_a_new_version_keeps_its_number_with_V2()
    {
        var (sales, id) = await ReadyDraftAsync();
        using var _ = sales;
        var form = await ProposalSteps.FormOfAsync(sales, id);
        using (var issued = await ProposalSteps.IssueAsync(sales, id)) Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var number = (await LoadAsync(id)).Number!;

        // A stale form posted after the issue changes nothing.
        form["Place"] = "Ailleurs";
        form["Lines[0].UnitPrice"] = "1,00";
        using (var edit = await sales.Http.PostAsync($"/gestion/propositions/{id}", new FormUrlEncodedContent(await WithTokenAsync(sales, id, form))))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            Assert.Contains("elle ne se modifie plus", await TestClient.BodyAsync(edit), StringComparison.Ordinal);
        }
        var unchanged = await LoadAsync(id);
        Assert.Equal(Place, unchanged.Place);
        Assert.Equal(1190m, unchanged.Lines[0].UnitPriceHt.Amount);
        var page = await sales.GetPageAsync($"/gestion/propositions/{id}");
        Assert.DoesNotContain("Enregistrer le brouillon", page, StringComparison.Ordinal);

        using (var reissue = await sales.PostFormAsync($"/gestion/propositions/{id}", $"/gestion/propositions/{id}/nouvelle-version"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reissue.StatusCode);
            var nextId = Guid.Parse(reissue.Headers.Location!.OriginalString["/gestion/propositions/".Length..]);
            var next = await LoadAsync(nextId);
            Assert.Equal(ProposalStatus.Draft, next.Status);
            Assert.Equal($"{number}-V2", next.Number!.ToString());
            Assert.Equal(ProposalStatus.Superseded, (await LoadAsync(id)).Status);
            using (var issuedAgain = await ProposalSteps.IssueAsync(sales, nextId)) Assert.Equal(HttpStatusCode.Redirect, issuedAgain.StatusCode);
            Assert.Contains($"Proposition {number}-V2", await sales.GetPageAsync($"/gestion/propositions/{nextId}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LW4_two_clicks_on_issue_give_one_number_and_one_e_mail()
    {
        var (sales, id) = await ReadyDraftAsync();
        using var _ = sales;
        var token = await TokenAsync(sales, id);
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            sales.Http.PostAsync($"/gestion/propositions/{id}/emettre", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));
        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        foreach (var c in clicks) c.Dispose();
        using (var third = await ProposalSteps.IssueAsync(sales, id)) Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        var page = await sales.GetPageAsync($"/gestion/propositions/{id}");
        var number = (await LoadAsync(id)).Number!.ToString();
        Assert.Contains($"La proposition {number} est déjà émise : elle n'est pas émise une seconde fois.", page, StringComparison.Ordinal);

        await using var db = app.OpenDb();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == "proposition-emise" && m.Subject.Contains(number)));
        var counter = await db.DocumentCounters.SingleAsync();
        Assert.Equal(await db.Proposals.CountAsync(p => p.Number != null && p.PreviousVersionId == null), counter.Last);
    }

    [Fact]
    public async Task P1_P2_a_draft_from_scratch_for_a_client_and_a_course_is_priced_per_day_in_intra_for_each_session()
    {
        await ProposalSteps.RequestAsync(app, 1, "", "scratch@exemple.test", "55208131700018");
        Guid clientId, courseId;
        await using (var db = app.OpenDb())
        {
            clientId = await db.Clients.Where(c => c.Siret == "55208131700018").Select(c => c.Id).SingleAsync();
            courseId = await db.Courses.Where(c => c.Reference == "RCL-RCL-02").Select(c => c.Id).SingleAsync();
        }
        using var sales = await app.SignedInAsync(Roles.Sales);
        const string url = "/gestion/propositions/nouvelle";
        Assert.Contains("RCL-RCL-02 — CRM - fondamentaux et enjeux", await sales.GetPageAsync(url), StringComparison.Ordinal);

        using (var bad = await sales.PostFormAsync(url, url, ("ClientId", clientId.ToString()), ("CourseId", ""), ("Format", "intra"), ("ParticipantCount", "abc")))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var body = await TestClient.BodyAsync(bad);
            Assert.Contains("Choisissez la formation.", body, StringComparison.Ordinal);
            Assert.Contains("La valeur « abc » n'est pas valide pour nombre de participants.", body, StringComparison.Ordinal);
        }
        using (var unknown = await sales.PostFormAsync(url, url, ("ClientId", Guid.NewGuid().ToString()), ("CourseId", courseId.ToString()), ("Format", "inter"), ("ParticipantCount", "2")))
            Assert.Contains("Ce client n'existe pas.", await TestClient.BodyAsync(unknown), StringComparison.Ordinal);

        using var created = await sales.PostFormAsync(url, url, ("ClientId", clientId.ToString()), ("CourseId", courseId.ToString()), ("Format", "intra"), ("ParticipantCount", "12"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var draft = await LoadAsync(Guid.Parse(created.Headers.Location!.OriginalString["/gestion/propositions/".Length..]));
        Assert.Equal(TrainingKind.Intra, draft.TrainingKind);
        Assert.Equal(clientId, draft.ClientId);
        Assert.Equal(12, draft.Participants.Count(p => p.IsPlaceholder));
        var line = Assert.Single(draft.Lines);
        Assert.Equal(4m, line.Quantity); // P2: 2 days × 2 sessions (12 participants, 10 at most)
        Assert.Equal(1450m, line.UnitPriceHt.Amount);
        Assert.Empty(draft.Sessions);
        Assert.Contains("la ou les dates", draft.MissingForIssue());
    }

    [Theory]
    [InlineData("Lines[0].Quantity", "abc", "La valeur « abc » n'est pas valide pour quantité.")]
    [InlineData("Lines[0].Quantity", "0", "La quantité d'une ligne est positive")]
    [InlineData("Lines[0].UnitPrice", "-5", "Le prix unitaire HT est compris entre 0 et 1 000 000 €.")]
    [InlineData("Lines[0].UnitPrice", "10,555", "Le prix unitaire HT a au plus deux décimales.")]
    [InlineData("Lines[0].Description", "", "Chaque ligne a un libellé.")]
    [InlineData("ParticipantCount", "0", "Le nombre de participants est compris entre 1 et 200.")]
    [InlineData("ParticipantCount", "201", "Le nombre de participants est compris entre 1 et 200.")]
    [InlineData("ParticipantCount", "", "Indiquez le nombre de participants.")]
    [InlineData("ParticipantNames", "A\nB\nC\nD", "Il y a plus de noms que de participants.")]
    [InlineData("Sessions[0].End", "2026-04-01", "Une session ne peut pas finir avant de commencer.")]
    [InlineData("Sessions[0].Start", "pas-une-date", "n'est pas valide pour date de début.")]
    [InlineData("PreparationCost", "-1", "Le coût d'élaboration est un montant entre 0 et 1 000 000 €.")]
    [InlineData("Place", "__LONG__", "Le lieu : 300 caractères au plus.")]
    public async Task Bad_input_on_a_draft_gets_a_French_message_and_changes_nothing(string field, string value, string message)
    {
        var (sales, id) = await ReadyDraftAsync(siret: "40483304800022");
        using var _ = sales;
        var form = await ProposalSteps.FormOfAsync(sales, id);
        form[field] = value == "__LONG__" ? new string('x', 301) : value;
        using var response = await ProposalSteps.SaveAsync(sales, id, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestClient.BodyAsync(response);
        Assert.Contains("Le formulaire n'a pas été enregistré", body, StringComparison.Ordinal);
        Assert.Contains(message, body, StringComparison.Ordinal);
        var draft = await LoadAsync(id);
        Assert.Equal(Place, draft.Place);
        Assert.Equal(3, draft.Participants.Count);
        Assert.Equal(3m, draft.Lines[0].Quantity);
    }

    [Fact]
    public async Task Every_staff_proposal_url_refuses_anonymous_and_client_users_and_an_unknown_id_is_a_404()
    {
        var (sales, id) = await ReadyDraftAsync(siret: "38347481400100");
        using var _ = sales;
        string[] gets = ["/gestion/propositions", "/gestion/propositions/nouvelle", "/gestion/propositions/export.csv", $"/gestion/propositions/{id}", $"/gestion/propositions/{id}/pdf"];
        string[] posts = ["/gestion/propositions/nouvelle", $"/gestion/propositions/{id}", $"/gestion/propositions/{id}/emettre", $"/gestion/propositions/{id}/nouvelle-version", $"/gestion/demandes/{Guid.NewGuid()}/proposition"];
        using var anonymous = app.NewClient();
        using var client = await app.SignedInAsync(Roles.Client);
        foreach (var (who, expected) in new[] { (anonymous, "/compte/connexion"), (client, "/compte/acces-refuse") })
        {
            foreach (var url in gets)
            {
                using var r = await who.GetAsync(url);
                Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.PathAndQuery.StartsWith(expected, StringComparison.Ordinal), $"GET {url}: {(int)r.StatusCode}");
            }
            foreach (var url in posts)
            {
                using var r = await who.Http.PostAsync(url, new FormUrlEncodedContent([]));
                Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST {url}: {(int)r.StatusCode}");
                if (r.StatusCode == HttpStatusCode.Redirect) Assert.StartsWith(expected, r.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
        Assert.Null((await LoadAsync(id)).Number);

        var unknown = Guid.NewGuid();
        await sales.GetPageAsync($"/gestion/propositions/{unknown}", HttpStatusCode.NotFound);
        await sales.GetPageAsync($"/gestion/propositions/{unknown}/pdf", HttpStatusCode.NotFound);
        await sales.GetPageAsync($"/gestion/propositions/{id}/pdf", HttpStatusCode.NotFound); // a draft has no PDF
        await sales.GetPageAsync("/gestion/propositions/pas-un-guid", HttpStatusCode.NotFound);
        var token = await TokenAsync(sales, id);
        foreach (var url in new[] { $"/gestion/propositions/{unknown}/emettre", $"/gestion/propositions/{unknown}/nouvelle-version", $"/gestion/demandes/{unknown}/proposition" })
        {
            using var r = await sales.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
        // Filters that do not parse are ignored, never an error page.
        Assert.Contains("Propositions commerciales", await sales.GetPageAsync("/gestion/propositions?du=hier&page=-3&commercial=x&statut=%27"), StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(TestClient sales, Guid id)
    {
        var page = await sales.GetPageAsync($"/gestion/propositions/{id}");
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success);
        return match.Groups[1].Value;
    }

    private static async Task<List<KeyValuePair<string, string>>> WithTokenAsync(TestClient sales, Guid id, Dictionary<string, string> form) =>
        [.. form, new("__RequestVerificationToken", await TokenAsync(sales, id))];
}
