using System.Net;
using System.Security.Cryptography;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Proposals;
using Lexom.Training.Web.Tests.ClientPortal;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Orders;

/// <summary>Worked example 1 from the issued proposal to the confirmed order, through the pages, the e-mails and the PDFs.</summary>
public sealed class OrderJourneyTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task P4_C1_M4_LW4_the_client_accepts_online_the_staff_record_the_1285_20_deposit_and_the_order_of_4284_euros_is_confirmed()
    {
        const string email = "commande@coteaux.example";
        using var sales = await app.SignedInAsync(Roles.Sales);
        var proposalId = await OrderSteps.IssuedProposalAsync(app, sales, email, "73282932000074");
        using var client = await OrderSteps.ClientSignedInAsync(app, email);

        // The client space lists the proposal and offers the online acceptance, with the PDF and its SHA-256.
        Assert.Contains($"/espace-client/propositions/{proposalId}", await client.GetPageAsync("/espace-client"), StringComparison.Ordinal);
        var page = TestClient.Readable(await client.GetPageAsync($"/espace-client/propositions/{proposalId}"));
        Assert.Contains("Accepter en ligne", page, StringComparison.Ordinal);
        Assert.Contains("4 284,00 €", page, StringComparison.Ordinal);
        Assert.Contains("1 285,20 €", page, StringComparison.Ordinal);
        Assert.Contains("CGV LEXOM 2026-01", page, StringComparison.Ordinal);
        Guid fileId;
        await using (var db = app.OpenDb())
            fileId = await db.StoredFiles.Where(f => f.ProposalId == proposalId && f.Kind == StoredFileKind.IssuedProposal).Select(f => f.Id).SingleAsync();
        using var pdfResponse = await client.GetAsync($"/espace-client/fichiers/{fileId}");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        var pdf = await pdfResponse.Content.ReadAsByteArrayAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Contains(sha, page, StringComparison.Ordinal);
        // The PDF in the client space is the one of the e-mail, byte for byte.
        var issuedMail = await OrderSteps.SingleMailAsync(app, "proposition-emise", email);
        string number;
        await using (var db = app.OpenDb())
            number = (await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposalId)).Number!.ToString();
        Assert.Equal(pdf, await OrderSteps.AttachmentAsync(issuedMail, $"proposition-{number}.pdf"));
        Assert.Contains("acceptez-la en ligne dans votre espace client", TestClient.Readable(issuedMail.TextBody ?? ""), StringComparison.Ordinal);

        // Bad input changes nothing: no mention, no CGV box.
        using (var bad = await OrderSteps.AcceptOnlineAsync(app, client, proposalId, mention: "d'accord", cgv: false))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var body = await TestClient.BodyAsync(bad);
            Assert.Contains("Tapez la mention « Bon pour accord ».", body, StringComparison.Ordinal);
            Assert.Contains("Cochez la case pour accepter les conditions générales de vente.", body, StringComparison.Ordinal);
        }
        await using (var db = app.OpenDb())
            Assert.False(await db.Orders.AnyAsync(o => o.ProposalId == proposalId));

        // P4 online: typed name, mention, CGV box; the third participant named (P1). A second click creates nothing more.
        using (var accepted = await OrderSteps.AcceptOnlineAsync(app, client, proposalId, mention: "BON POUR ACCORD"))
            Assert.StartsWith("/espace-client/commandes/", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Guid orderId;
        using (var again = await client.PostFormAsync("/espace-client", $"/espace-client/propositions/{proposalId}/accepter",
                   ("SignatoryName", "Marie-Christine Dupont"), ("Mention", "Bon pour accord"), ("CgvAccepted", "true")))
            orderId = OrderSteps.IdFrom(again);
        await using (var db = app.OpenDb())
        {
            var order = Assert.Single(await db.Orders.AsNoTracking().Include(o => o.Participants.OrderBy(p => EF.Property<int>(p, "Position"))).Where(o => o.ProposalId == proposalId).ToListAsync());
            Assert.Equal(orderId, order.Id);
            Assert.Equal(OrderStatus.PendingSignatureAndDeposit, order.Status);
            Assert.Equal(SalesChannel.Website, order.Channel);
            Assert.Equal(4284.00m, order.PriceTtc.Amount);
            Assert.Equal(1285.20m, order.DepositAmount.Amount);
            Assert.Equal(["Marie-Christine Dupont", "Jean-Baptiste Fontaine", "Participant nommé 1"], order.Participants.Select(p => p.Name));
            var acceptance = order.OnlineAcceptance!;
            Assert.Equal("Marie-Christine Dupont", acceptance.SignatoryName);
            Assert.Equal("BON POUR ACCORD", acceptance.Mention);
            Assert.Equal("CGV LEXOM 2026-01", acceptance.CgvVersion);
            Assert.Equal(sha, acceptance.DocumentSha256);
            Assert.Equal(app.Clock.GetUtcNow(), acceptance.AcceptedAt);
            Assert.False(string.IsNullOrEmpty(acceptance.IpAddress));
            Assert.Equal([SignedDocumentKind.ProposalBonPourAccord, SignedDocumentKind.Cgv], order.SignedDocuments.Select(d => d.Kind));
            Assert.Equal(ProposalStatus.Accepted, (await db.Proposals.SingleAsync(p => p.Id == proposalId)).Status);
        }
        var received = await OrderSteps.SingleMailAsync(app, "commande-acceptation", email);
        Assert.Contains("Nous avons bien reçu votre acceptation en ligne", TestClient.Readable(received.TextBody ?? ""), StringComparison.Ordinal);
        Assert.Contains("l'acompte de 1 285,20 €", TestClient.Readable(received.TextBody ?? ""), StringComparison.Ordinal);

        // The client's order page says what is missing (C1); the staff's too, with the deposit form.
        Assert.Contains("l'acompte de 1 285,20 €", TestClient.Readable(await client.GetPageAsync($"/espace-client/commandes/{orderId}")), StringComparison.Ordinal);
        var staffPage = TestClient.Readable(await sales.GetPageAsync($"/gestion/commandes/{orderId}"));
        Assert.Contains("Acceptée en ligne par <strong>Marie-Christine Dupont</strong> (« BON POUR ACCORD »)", staffPage, StringComparison.Ordinal);
        Assert.Contains(sha, staffPage, StringComparison.Ordinal);
        Assert.Contains("Enregistrer l'acompte", staffPage, StringComparison.Ordinal);

        // M4: the deposit; C1: confirmed; P4: the acknowledgement with the settled deposit invoice (ACP-2026-…, LW4).
        using (var deposit = await OrderSteps.RecordDepositAsync(sales, orderId, "1 285,20", "VIR SEPA 2026-03-02 COTEAUX"))
            Assert.Equal(HttpStatusCode.Redirect, deposit.StatusCode);
        string acp;
        await using (var db = app.OpenDb())
        {
            var order = await db.Orders.AsNoTracking().Include(o => o.Invoices).SingleAsync(o => o.Id == orderId);
            Assert.Equal(OrderStatus.Confirmed, order.Status);
            Assert.Equal(new DateOnly(2026, 3, 2), order.ConfirmedOn);
            var invoice = Assert.Single(order.Invoices);
            acp = invoice.Number.ToString();
            Assert.Matches("^ACP-2026-0000[0-9]{2}$", acp);
            Assert.Equal(1285.20m, invoice.Ttc.Amount);
            Assert.Equal(1071.00m, invoice.Ht.Amount);
            Assert.Equal(214.20m, invoice.Vat.Amount);
            Assert.True(invoice.IsSettled);
            Assert.Equal("VIR SEPA 2026-03-02 COTEAUX", Assert.Single(invoice.Payments).Reference);
        }
        var confirmed = await OrderSteps.SingleMailAsync(app, "commande-confirmee", email);
        Assert.Contains("votre commande est confirmée", TestClient.Readable(confirmed.TextBody ?? ""), StringComparison.Ordinal);
        var invoicePdf = ProposalSteps.PdfText(await OrderSteps.AttachmentAsync(confirmed, $"facture-{acp}.pdf"));
        foreach (var expected in new[] { acp, "1 285,20 €", "1 071,00 €", "214,20 €", number })
            Assert.True(invoicePdf.Contains(expected, StringComparison.Ordinal), $"La facture d'acompte ne contient pas « {expected} ».");

        var clientOrder = TestClient.Readable(await client.GetPageAsync($"/espace-client/commandes/{orderId}"));
        Assert.Contains("Commande confirmée le 2 mars 2026", clientOrder, StringComparison.Ordinal);
        Assert.Contains("1 285,20 €", clientOrder, StringComparison.Ordinal);
        Assert.Contains(acp, clientOrder, StringComparison.Ordinal);
        Assert.Contains("Confirmée", TestClient.Readable(await client.GetPageAsync("/espace-client")), StringComparison.Ordinal);

        // The staff's proposal page now points to its order; the deposit form is gone.
        Assert.Contains($"/gestion/commandes/{orderId}", await sales.GetPageAsync($"/gestion/propositions/{proposalId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer l'acompte", await sales.GetPageAsync($"/gestion/commandes/{orderId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_bank_reference_is_refused_in_French_and_a_partial_deposit_does_not_confirm()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var first = await AcceptedOrderAsync(sales, "doublon-a@exemple.test", "44306184100047");
        var second = await AcceptedOrderAsync(sales, "doublon-b@exemple.test", "55208131766522");

        using (var partial = await OrderSteps.RecordDepositAsync(sales, first, "1000,00", "VIR-REF-UNIQUE-1"))
            Assert.Equal(HttpStatusCode.Redirect, partial.StatusCode);
        using (var duplicate = await OrderSteps.RecordDepositAsync(sales, second, "1285,20", "VIR-REF-UNIQUE-1"))
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
            Assert.Contains("Le paiement de référence bancaire « VIR-REF-UNIQUE-1 » est déjà enregistré", await TestClient.BodyAsync(duplicate), StringComparison.Ordinal);
        }
        using (var tooMuch = await OrderSteps.RecordDepositAsync(sales, first, "285,21", "VIR-REF-UNIQUE-2"))
            Assert.Contains("dépasse le reste dû", await TestClient.BodyAsync(tooMuch), StringComparison.Ordinal);
        using (var badAmount = await OrderSteps.RecordDepositAsync(sales, first, "douze", "VIR-REF-UNIQUE-3"))
            Assert.Contains("Indiquez le montant reçu", await TestClient.BodyAsync(badAmount), StringComparison.Ordinal);
        using (var future = await OrderSteps.RecordDepositAsync(sales, first, "285,20", "VIR-REF-UNIQUE-4", receivedOn: "2026-03-03"))
            Assert.Contains("ne peut pas être dans le futur", await TestClient.BodyAsync(future), StringComparison.Ordinal);

        await using (var db = app.OpenDb())
        {
            var one = await db.Orders.AsNoTracking().Include(o => o.Invoices).SingleAsync(o => o.Id == first);
            Assert.Equal(OrderStatus.PendingSignatureAndDeposit, one.Status); // C1: 1 000 € of 1 285,20 €
            Assert.Equal(1000m, one.ClientPaid.Amount);
            var two = await db.Orders.AsNoTracking().Include(o => o.Invoices).SingleAsync(o => o.Id == second);
            Assert.Empty(two.Invoices); // refused: no payment, and no deposit invoice number taken (LW4)
            // LW4: numbers have no gap: as many ACP numbers taken as deposit invoices saved.
            Assert.Equal(await db.Invoices.CountAsync(i => i.Kind == InvoiceKind.Deposit),
                await db.DocumentCounters.Where(c => c.Kind == Domain.Values.DocumentKind.DepositInvoice).Select(c => c.Last).SingleAsync());
        }

        // The rest, with another reference, confirms (C1) against the same deposit invoice.
        using (var rest = await OrderSteps.RecordDepositAsync(sales, first, "285,20", "CHQ 0001234", method: "cheque"))
            Assert.Equal(HttpStatusCode.Redirect, rest.StatusCode);
        await using (var db = app.OpenDb())
        {
            var one = await db.Orders.AsNoTracking().Include(o => o.Invoices).SingleAsync(o => o.Id == first);
            Assert.Equal(OrderStatus.Confirmed, one.Status);
            Assert.Equal([PaymentMethod.Transfer, PaymentMethod.Cheque], Assert.Single(one.Invoices).Payments.Select(p => p.Method));
        }
    }

    [Fact]
    public async Task A_client_gets_404_on_another_clients_proposal_order_and_files_and_cannot_accept_for_it()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var theirs = await OrderSteps.IssuedProposalAsync(app, sales, "autre-client@exemple.test", "83548465047940");
        var theirOrder = await AcceptedOrderAsync(sales, "autre-commande@exemple.test", "28132524128112");
        await OrderSteps.IssuedProposalAsync(app, sales, "curieux@exemple.test", "88972828336961");
        using var curious = await OrderSteps.ClientSignedInAsync(app, "curieux@exemple.test");
        Guid theirFile;
        await using (var db = app.OpenDb())
            theirFile = await db.StoredFiles.Where(f => f.ProposalId == theirs).Select(f => f.Id).SingleAsync();

        foreach (var url in new[] { $"/espace-client/propositions/{theirs}", $"/espace-client/commandes/{theirOrder}", $"/espace-client/fichiers/{theirFile}", $"/espace-client/propositions/{Guid.NewGuid()}" })
        {
            using var response = await curious.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var accept = await curious.PostFormAsync("/espace-client", $"/espace-client/propositions/{theirs}/accepter",
                   ("SignatoryName", "Pierre Curieux"), ("Mention", "Bon pour accord"), ("CgvAccepted", "true")))
            Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        using (var withdraw = await curious.PostFormAsync("/espace-client", $"/espace-client/commandes/{theirOrder}/retractation", ("Confirm", "true")))
            Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        await using (var db = app.OpenDb())
            Assert.Equal(ProposalStatus.Issued, (await db.Proposals.SingleAsync(p => p.Id == theirs)).Status);

        // Staff pages and files stay closed to a client.
        using var staffFile = await curious.GetAsync($"/gestion/fichiers/{theirFile}");
        Assert.Equal(HttpStatusCode.Redirect, staffFile.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", staffFile.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task P4_C1_a_paper_acceptance_checks_its_files_by_content_serves_them_to_staff_and_that_client_and_confirms_with_the_cgv_and_deposit()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var proposalId = await OrderSteps.IssuedProposalAsync(app, sales, "papier@exemple.test", "71503417917249");

        // A text file named .pdf, an empty file, a file over 10 Mo: refused in French, nothing recorded.
        var fake = System.Text.Encoding.UTF8.GetBytes("<html>pas un PDF</html>");
        using (var notPdf = await OrderSteps.PaperAcceptanceAsync(sales, proposalId, "2026-03-02", ("SignedDocument", "signee.pdf", "application/pdf", fake)))
        {
            Assert.Equal(HttpStatusCode.Redirect, notPdf.StatusCode);
            Assert.Contains("n'est ni un PDF, ni une image JPEG ou PNG", TestClient.Readable(await sales.GetPageAsync(notPdf.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        }
        using (var empty = await OrderSteps.PaperAcceptanceAsync(sales, proposalId, "2026-03-02", ("SignedDocument", "vide.pdf", "application/pdf", Array.Empty<byte>())))
            Assert.Contains("Joignez document signé", TestClient.Readable(await sales.GetPageAsync(empty.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        var huge = new byte[StoredFile.MaxUploadBytes + 1];
        OrderSteps.Pdf.CopyTo(huge, 0);
        using (var tooBig = await OrderSteps.PaperAcceptanceAsync(sales, proposalId, "2026-03-02", ("SignedDocument", "gros.pdf", "application/pdf", huge)))
            Assert.Contains("dépasse 10 Mo", TestClient.Readable(await sales.GetPageAsync(tooBig.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        using (var future = await OrderSteps.PaperAcceptanceAsync(sales, proposalId, "2026-03-05", ("SignedDocument", "signee.pdf", "application/pdf", OrderSteps.Pdf)))
            Assert.Contains("ne peut pas être dans le futur", TestClient.Readable(await sales.GetPageAsync(future.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.Orders.AnyAsync(o => o.ProposalId == proposalId));
            Assert.False(await db.StoredFiles.AnyAsync(f => f.ProposalId == proposalId && f.Kind != StoredFileKind.IssuedProposal));
        }

        // The signed proposal as a JPEG scan (named .pdf by mistake: the content decides); the CGV come later.
        Guid orderId;
        using (var paper = await sales.PostMultipartAsync($"/gestion/propositions/{proposalId}", $"/gestion/propositions/{proposalId}/acceptation-papier",
                   [new("ReceivedOn", "2026-03-02"), new($"Participants[{(await OrderSteps.PlaceholdersAsync(app, proposalId))[0]}]", "Paul Nommé")],
                   [("SignedDocument", "scan.pdf", "application/pdf", OrderSteps.Jpeg)]))
            orderId = OrderSteps.IdFrom(paper);
        Guid scanId;
        await using (var db = app.OpenDb())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            Assert.Equal(Domain.SalesChannel.Staff, order.Channel);
            var signed = Assert.Single(order.SignedDocuments);
            Assert.Equal(SignedDocumentKind.ProposalBonPourAccord, signed.Kind);
            var scan = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == Guid.Parse(signed.Reference));
            Assert.Equal("image/jpeg", scan.ContentType);
            Assert.EndsWith(".jpg", scan.FileName, StringComparison.Ordinal);
            Assert.Equal(StoredFile.HashOf(OrderSteps.Jpeg), scan.Sha256);
            scanId = scan.Id;
        }
        Assert.Contains("Nous avons bien reçu votre proposition", TestClient.Readable((await OrderSteps.SingleMailAsync(app, "commande-acceptation", "papier@exemple.test")).TextBody ?? ""), StringComparison.Ordinal);

        // Served to the staff and to that client (as a download, never sniffed), to nobody else.
        using (var staffFile = await sales.GetAsync($"/gestion/fichiers/{scanId}"))
        {
            Assert.Equal(HttpStatusCode.OK, staffFile.StatusCode);
            Assert.Equal("image/jpeg", staffFile.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", staffFile.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("nosniff", staffFile.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(OrderSteps.Jpeg, await staffFile.Content.ReadAsByteArrayAsync());
        }
        using (var owner = await OrderSteps.ClientSignedInAsync(app, "papier@exemple.test"))
        using (var ownFile = await owner.GetAsync($"/espace-client/fichiers/{scanId}"))
            Assert.Equal(HttpStatusCode.OK, ownFile.StatusCode);
        using (var anonymous = app.NewClient())
        using (var anonymousFile = await anonymous.GetAsync($"/gestion/fichiers/{scanId}"))
            Assert.Equal(HttpStatusCode.Redirect, anonymousFile.StatusCode);

        // C1: the CGV (a PNG) and the deposit: confirmed, and the P4 acknowledgement leaves once.
        using (var cgv = await sales.PostMultipartAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/documents",
                   [new("Kind", "cgv"), new("ReceivedOn", "2026-03-02")], [("File", "cgv.png", "image/png", OrderSteps.Png)]))
            Assert.Equal(HttpStatusCode.Redirect, cgv.StatusCode);
        using (var again = await sales.PostMultipartAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/documents",
                   [new("Kind", "cgv"), new("ReceivedOn", "2026-03-02")], [("File", "cgv.png", "image/png", OrderSteps.Png)]))
            Assert.Contains("déjà enregistré", TestClient.Readable(await sales.GetPageAsync($"/gestion/commandes/{orderId}")), StringComparison.Ordinal);
        using (var deposit = await OrderSteps.RecordDepositAsync(sales, orderId, "1285,20", "VIR-PAPIER-1"))
            Assert.Equal(HttpStatusCode.Redirect, deposit.StatusCode);
        await using (var db = app.OpenDb())
        {
            var order = await db.Orders.AsNoTracking().Include(o => o.Participants).SingleAsync(o => o.Id == orderId);
            Assert.Equal(OrderStatus.Confirmed, order.Status);
            Assert.Equal(1285.20m, order.DepositAmount.Amount);
            Assert.Contains(order.Participants, p => p.Name == "Paul Nommé"); // P1: named at acceptance
            Assert.Equal(2, order.SignedDocuments.Count);
        }
        Assert.Contains("votre commande est confirmée", TestClient.Readable((await OrderSteps.SingleMailAsync(app, "commande-confirmee", "papier@exemple.test")).TextBody ?? ""), StringComparison.Ordinal);

        // A second paper acceptance of the same proposal creates nothing.
        using (var twice = await OrderSteps.PaperAcceptanceAsync(sales, proposalId, "2026-03-02", ("SignedDocument", "signee.pdf", "application/pdf", OrderSteps.Pdf)))
            Assert.Equal($"/gestion/propositions/{proposalId}", twice.Headers.Location!.OriginalString);
        await using (var db = app.OpenDb())
            Assert.Equal(1, await db.Orders.CountAsync(o => o.ProposalId == proposalId));
    }

    private async Task<Guid> AcceptedOrderAsync(TestClient sales, string email, string siret)
    {
        var proposalId = await OrderSteps.IssuedProposalAsync(app, sales, email, siret);
        using var client = await OrderSteps.ClientSignedInAsync(app, email);
        using var accepted = await OrderSteps.AcceptOnlineAsync(app, client, proposalId);
        return OrderSteps.IdFrom(accepted);
    }
}
