using System.Net;
using System.Text;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Lexom.Training.Web.Tests.Proposals;

/// <summary>Worked example 1 from the client's request to the issued proposal, its PDF, its e-mail and the list.</summary>
public sealed class ProposalJourneyTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task P1_P3_C3_M1_M2_M3_M4_LW3_LW4_a_request_of_3_participants_becomes_DEV_2026_000001_of_4284_euros_with_a_1285_20_deposit()
    {
        const string email = "parcours@coteaux.example";
        var requestId = await ProposalSteps.RequestAsync(app, 3, "Marie-Christine Dupont\nJean-Baptiste Fontaine", email);
        using var sales = await app.SignedInAsync(Roles.Sales);

        // The request's page offers the proposal; the draft is priced from the catalog (INTER, per participant).
        Assert.Contains("Préparer la proposition", await sales.GetPageAsync($"/gestion/demandes/{requestId}"), StringComparison.Ordinal);
        var id = await ProposalSteps.PrepareAsync(sales, requestId);
        Assert.Equal(id, await ProposalSteps.PrepareAsync(sales, requestId)); // a second click opens the same draft
        var draft = await sales.GetPageAsync($"/gestion/propositions/{id}");
        Assert.Contains("Formation RCL-RCL-02 « CRM - fondamentaux et enjeux » — INTER, 2 jours (14 h), par participant", draft, StringComparison.Ordinal);
        Assert.Contains("value=\"3\"", draft, StringComparison.Ordinal);
        Assert.Contains("value=\"1190,00\"", draft, StringComparison.Ordinal);
        Assert.Contains("3 570,00 €", draft, StringComparison.Ordinal);
        Assert.Contains("le lieu", draft, StringComparison.Ordinal); // P1: what is missing before issue
        Assert.DoesNotContain("action=\"/gestion/propositions/" + id + "/emettre\"", draft, StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            var stored = (await Lexom.Training.Web.Features.Proposals.ProposalDrafts.LoadAsync(db, id, CancellationToken.None))!;
            Assert.Equal(["Marie-Christine Dupont", "Jean-Baptiste Fontaine", "à confirmer"], stored.Participants.Select(p => p.Name));
            Assert.Equal(3m, Assert.Single(stored.Lines).Quantity);
            Assert.Single(stored.Sessions);
            Assert.Equal(new DateOnly(2026, 4, 13), stored.Sessions[0].StartsOn);
            Assert.Equal(new DateOnly(2026, 4, 14), stored.Sessions[0].EndsOn);
            Assert.Equal(RequestStatus.InProgress, (await db.ProposalRequests.SingleAsync(r => r.Id == requestId)).Status);
        }

        // The sales person adds the place and a C3 preparation cost, then issues.
        var form = await ProposalSteps.FormOfAsync(sales, id);
        form["Place"] = "LEXOM, salle Tanargue, Aubenas (07)";
        form["PreparationCost"] = "150,00";
        using (var saved = await ProposalSteps.SaveAsync(sales, id, form))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var issued = await ProposalSteps.IssueAsync(sales, id))
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        var page = await sales.GetPageAsync($"/gestion/propositions/{id}");
        Assert.Contains("Proposition DEV-2026-000001", page, StringComparison.Ordinal);
        Assert.Contains("Valable jusqu'au</dt><dd>1er avril 2026 inclus", page, StringComparison.Ordinal); // 2 March + 30 days
        Assert.Contains("Total HT</dt><dd>3 570,00 €", page, StringComparison.Ordinal);
        Assert.Contains("</dt><dd>714,00 €", page, StringComparison.Ordinal);
        Assert.Contains("Total TTC</dt><dd>4 284,00 €", page, StringComparison.Ordinal);
        Assert.Contains("du TTC)</dt><dd>1 285,20 €", page, StringComparison.Ordinal);
        Assert.Contains("CGV LEXOM 2026-01", page, StringComparison.Ordinal);
        Assert.Contains("Nouvelle version", page, StringComparison.Ordinal);
        Assert.Contains("TVA (20 %)", page, StringComparison.Ordinal); // M1: the rate of the vat_rates table, frozen
        Assert.Contains("ils comprennent ceux du formateur", page, StringComparison.Ordinal); // M2, frozen at issue

        // The PDF, re-rendered from the frozen data, says the same.
        using var pdfResponse = await sales.GetAsync($"/gestion/propositions/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);
        var pdf = await pdfResponse.Content.ReadAsByteArrayAsync();
        var text = ProposalSteps.PdfText(pdf);
        foreach (var expected in new[] { "DEV-2026-000001", "Valable jusqu'au 1er avril 2026 inclus", "3 570,00 €", "714,00 €", "4 284,00 €", "1 285,20 €", "BON POUR ACCORD", "CGV LEXOM 2026-01", "à confirmer", "Marie-Christine Dupont", "SIREN 732 829 320", "frais de déplacement et de bouche du formateur" })
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"Le PDF ne contient pas « {expected} ».");

        // Exactly one e-mail to the client, with the PDF attached, the validity date, the deposit and how to accept.
        await using (var db = app.OpenDb())
        {
            var message = Assert.Single(await db.OutboxMessages.Where(m => m.Kind == "proposition-emise").ToListAsync());
            Assert.Equal(email, message.Recipient);
            using var stream = new MemoryStream(message.Mime);
            var mime = await MimeMessage.LoadAsync(stream);
            var body = TestClient.Readable(mime.TextBody ?? "");
            Assert.Contains("DEV-2026-000001", mime.Subject, StringComparison.Ordinal);
            Assert.Contains("valable jusqu'au 1er avril 2026 inclus", body, StringComparison.Ordinal);
            Assert.Contains("1 285,20 €", body, StringComparison.Ordinal);
            Assert.Contains("BON POUR ACCORD", body, StringComparison.Ordinal);
            var attachment = Assert.Single(mime.Attachments.OfType<MimePart>());
            Assert.Equal("proposition-DEV-2026-000001.pdf", attachment.FileName);
            using var attached = new MemoryStream();
            await attachment.Content!.DecodeToAsync(attached);
            Assert.Contains("1 285,20 €", ProposalSteps.PdfText(attached.ToArray()), StringComparison.Ordinal);

            var proposal = await db.Proposals.SingleAsync(p => p.Id == id);
            Assert.Equal(ProposalStatus.Issued, proposal.Status);
            Assert.Equal(new DateOnly(2026, 4, 1), proposal.ValidUntil);
            Assert.Equal("CGV LEXOM 2026-01", proposal.CgvVersion);
            Assert.Equal(150m, proposal.PreparationCost.Amount);
            var request = await db.ProposalRequests.SingleAsync(r => r.Id == requestId);
            Assert.Equal(RequestStatus.ProposalIssued, request.Status);
            Assert.Equal(id, request.ProposalId);
        }

        // The list and its CSV export (same filter): ';', UTF-8 with BOM, French decimals.
        var list = await sales.GetPageAsync("/gestion/propositions?statut=emise&client=coteaux&formation=rcl-rcl-02&du=2026-03-01&au=2026-03-31");
        Assert.Contains("DEV-2026-000001", list, StringComparison.Ordinal);
        Assert.Contains("1 proposition", list, StringComparison.Ordinal);
        Assert.Contains("0 proposition", await sales.GetPageAsync("/gestion/propositions?statut=brouillon"), StringComparison.Ordinal);
        Assert.Contains("1 proposition", await sales.GetPageAsync("/gestion/propositions?q=2026-000001"), StringComparison.Ordinal);
        // A term beginning like a number is searched as a prefix of the numbers (ix_proposals_number_pattern), any case.
        Assert.Contains("1 proposition", await sales.GetPageAsync("/gestion/propositions?q=dev-2026-00000"), StringComparison.Ordinal);
        Assert.Contains("0 proposition", await sales.GetPageAsync("/gestion/propositions?q=DEV-2026-000002"), StringComparison.Ordinal);
        Assert.Contains("0 proposition", await sales.GetPageAsync("/gestion/propositions?q=DEV-2026-00000_"), StringComparison.Ordinal);
        Assert.Contains("1 proposition", await sales.GetPageAsync("/gestion/propositions?q=ard%C3%A8che"), StringComparison.Ordinal);
        Assert.Contains("0 proposition", await sales.GetPageAsync("/gestion/propositions?q=zzz%25"), StringComparison.Ordinal);
        Assert.Contains("0 proposition", await sales.GetPageAsync("/gestion/propositions?du=2026-04-01"), StringComparison.Ordinal);
        using var csvResponse = await sales.GetAsync("/gestion/propositions/export.csv?statut=emise&client=coteaux");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Numéro;État;Client;Formation;Intitulé;Créée le;Émise le;Valable jusqu'au;Total HT;Total TTC;Commercial", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("DEV-2026-000001;Émise;Coteaux de l'Ardèche SCA;RCL-RCL-02;CRM - fondamentaux et enjeux;02/03/2026;02/03/2026;01/04/2026;3570,00;4284,00;", lines[1], StringComparison.Ordinal);
    }
}
