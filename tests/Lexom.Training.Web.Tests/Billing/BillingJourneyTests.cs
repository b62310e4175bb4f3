using System.Net;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Billing;

/// <summary>
/// Worked example 1 after the training, through the pages: the order of 4 284,00 € confirmed with its 1 285,20 € deposit is
/// closed at the end of the training, its final invoice of 2 998,80 € issued, e-mailed and paid in two parts. The clock
/// moves to 15 April 2026 (this class only).
/// </summary>
public sealed class BillingJourneyTests(LexomApp app) : IClassFixture<LexomApp>
{
    private static readonly DateTimeOffset AfterTheTraining = new(2026, 4, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task M5_LW3_LW4_the_final_invoice_of_example_1_asks_2998_80_euros_due_on_issue_is_mailed_with_its_pdf_and_is_paid_in_two_parts()
    {
        const string email = "solde@coteaux.example";
        Guid orderId;
        using (var sales = await app.SignedInAsync(Roles.Sales))
        {
            var proposalId = await OrderSteps.IssuedProposalAsync(app, sales, email, "73282932000074");
            using (var client = await OrderSteps.ClientSignedInAsync(app, email))
            using (var accepted = await OrderSteps.AcceptOnlineAsync(app, client, proposalId))
                orderId = OrderSteps.IdFrom(accepted);
            using (var deposit = await OrderSteps.RecordDepositAsync(sales, orderId, "1 285,20", "VIR SEPA COTEAUX ACOMPTE"))
                Assert.Equal(HttpStatusCode.Redirect, deposit.StatusCode);

            // Before the end of the training: it cannot be closed, nor the final invoice issued (M5); the page says when.
            var before = await BillingSteps.OrderAsync(app, orderId);
            Assert.Equal(OrderStatus.Confirmed, before.Status);
            Assert.Contains($"La formation se termine le {before.EndsOn.Written()} : elle pourra être close à partir de ce jour-là",
                BillingSteps.BillingSection(await sales.GetPageAsync(BillingSteps.OrderPage(orderId))), StringComparison.Ordinal);
            using (var early = await BillingSteps.CloseAsync(sales, orderId))
            {
                var (ok, text) = BillingSteps.Flash(await BillingSteps.FollowAsync(sales, early));
                Assert.False(ok);
                Assert.Equal($"La formation se termine le {before.EndsOn.Numeric()} : elle ne peut pas être close avant.", text);
            }
            using (var tooSoon = await BillingSteps.FinalInvoiceAsync(sales, orderId))
            {
                var (ok, text) = BillingSteps.Flash(await BillingSteps.FollowAsync(sales, tooSoon));
                Assert.False(ok);
                Assert.Contains("émettre la facture finale : la commande est confirmée", text, StringComparison.Ordinal);
            }
            await using (var db = app.OpenDb())
                Assert.False(await db.DocumentCounters.AnyAsync(c => c.Kind == DocumentKind.Invoice)); // LW4: the refused number was given back
        }

        app.Clock.SetUtcNow(AfterTheTraining); // the 8-hour cookie is gone: sign in again
        using var staff = await app.SignedInAsync(Roles.Sales);
        var page = BillingSteps.BillingSection(await staff.GetPageAsync(BillingSteps.OrderPage(orderId)));
        Assert.Contains("Clore la formation", page, StringComparison.Ordinal);
        using (var close = await BillingSteps.CloseAsync(staff, orderId))
            Assert.Equal("Formation close le 15 avril 2026 : la facture finale peut être émise (M5).", BillingSteps.Flash(await BillingSteps.FollowAsync(staff, close)).Text);

        // M5: the preview: 4 284,00 € − 1 285,20 € already paid = 2 998,80 €, payable on receipt.
        page = BillingSteps.BillingSection(await staff.GetPageAsync(BillingSteps.OrderPage(orderId)));
        foreach (var expected in new[] { "Formation close le 15 avril 2026.", "<dt>Prix TTC</dt><dd>4 284,00 €</dd>", "<dd>1 285,20 €</dd>", "<strong>2 998,80 €</strong>, payable à réception" })
            Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Facturer l'OPCO", page, StringComparison.Ordinal);

        // LW4: a double click issues one invoice, one number, one e-mail.
        // (Both answers share the browser's one flash cookie: the page shows the last one.)
        var clicks = await Task.WhenAll(BillingSteps.FinalInvoiceAsync(staff, orderId), BillingSteps.FinalInvoiceAsync(staff, orderId));
        foreach (var click in clicks)
        {
            using (click) Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        }
        Assert.Contains(BillingSteps.Flash(await staff.GetPageAsync(BillingSteps.OrderPage(orderId))).Text, new[]
        {
            "Facture finale FAC-2026-000001 émise (2 998,80 €, payable à réception) et envoyée à solde@coteaux.example.",
            "La facture finale FAC-2026-000001 est déjà émise.",
        });
        using (var third = await BillingSteps.FinalInvoiceAsync(staff, orderId))
            Assert.Equal((true, "La facture finale FAC-2026-000001 est déjà émise."), BillingSteps.Flash(await BillingSteps.FollowAsync(staff, third)));

        var order = await BillingSteps.OrderAsync(app, orderId);
        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal(new DateOnly(2026, 4, 15), order.CompletedOn);
        var final = Assert.Single(order.Invoices, i => i.Kind == InvoiceKind.Final);
        Assert.Equal("FAC-2026-000001", final.Number.ToString());
        Assert.Equal(2998.80m, final.Ttc.Amount);
        Assert.Equal(2499.00m, final.Ht.Amount);
        Assert.Equal(499.80m, final.Vat.Amount);
        Assert.Equal(new DateOnly(2026, 4, 15), final.IssuedOn);
        Assert.Equal(final.IssuedOn, final.DueOn); // M5: payable on receipt
        await using (var db = app.OpenDb())
            Assert.Equal(1, await db.DocumentCounters.Where(c => c.Kind == DocumentKind.Invoice && c.Year == 2026).Select(c => c.Last).SingleAsync());

        // The e-mail carries the PDF kept in stored_files, byte for byte; the PDF states the legal mentions (LW3).
        var mail = await OrderSteps.SingleMailAsync(app, InvoiceEmail.FinalKind, email);
        Assert.Equal($"Facture FAC-2026-000001 : {order.Course.Title} ({order.Course.Reference})", mail.Subject);
        var body = TestClient.Readable(mail.TextBody ?? "");
        Assert.Contains("d'un montant de 2 998,80 € TTC", body, StringComparison.Ordinal);
        Assert.Contains("acompte et des paiements déjà reçus, soit 1 285,20 €", body, StringComparison.Ordinal);
        Assert.Contains("payable à réception (échéance le 15 avril 2026)", body, StringComparison.Ordinal);
        var pdf = await OrderSteps.AttachmentAsync(mail, "facture-FAC-2026-000001.pdf");
        Assert.Equal(await BillingSteps.StoredPdfAsync(app, orderId, "facture-FAC-2026-000001.pdf"), pdf);
        var pdfText = ProposalSteps.PdfText(pdf);
        foreach (var expected in new[]
                 {
                     "FAC-2026-000001", order.ProposalNumber.ToString(), "2 998,80 €", "2 499,00 €", "499,80 €", "payable à réception",
                     "Solde : prix 4 284,00 € − acompte et paiements", "reçus 1 285,20 €", "Coteaux de l'Ardèche SCA", "SIREN 732 829 320",
                     "40 €", "Reste à payer",
                 })
        {
            Assert.True(pdfText.Contains(expected, StringComparison.Ordinal), $"La facture ne contient pas « {expected} » : {pdfText}");
        }

        // The order page and the list show it; the client space offers its PDF.
        page = BillingSteps.BillingSection(await staff.GetPageAsync(BillingSteps.OrderPage(orderId)));
        Assert.Contains("Facture finale FAC-2026-000001", page, StringComparison.Ordinal);
        Assert.Contains("Enregistrer un paiement sur FAC-2026-000001 (reste dû 2 998,80 €)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Émettre la facture finale", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Annuler par un avoir", page, StringComparison.Ordinal); // a sales person does not issue credit notes
        using (var client = await OrderSteps.ClientSignedInAsync(app, email))
            Assert.Contains("facture-FAC-2026-000001.pdf", await client.GetPageAsync($"/espace-client/commandes/{orderId}"), StringComparison.Ordinal);

        // Payments: a partial cheque, then the rest by transfer; more than what remains is refused with the domain's message.
        using (var partial = await BillingSteps.PayAsync(staff, orderId, final.Id, "1 000,00", "CHQ 7700123", receivedOn: "2026-04-15", method: "cheque"))
            Assert.Equal("Paiement de 1 000,00 € enregistré sur FAC-2026-000001 : reste dû 1 998,80 €.", BillingSteps.Flash(await BillingSteps.FollowAsync(staff, partial)).Text);
        using (var tooMuch = await BillingSteps.PayAsync(staff, orderId, final.Id, "1 998,81", "VIR COTEAUX SOLDE", receivedOn: "2026-04-15"))
        {
            var after = await BillingSteps.FollowAsync(staff, tooMuch);
            Assert.Equal((false, "Le paiement de 1 998,81 € dépasse le reste dû sur FAC-2026-000001 (1 998,80 €)."), BillingSteps.Flash(after));
            Assert.Contains("value=\"VIR COTEAUX SOLDE\"", after, StringComparison.Ordinal); // what was typed is kept
        }
        using (var paid = await BillingSteps.PayAsync(staff, orderId, final.Id, "1998,80", "VIR COTEAUX SOLDE", receivedOn: "2026-04-15"))
            Assert.Equal("Paiement de 1 998,80 € enregistré : la facture FAC-2026-000001 est réglée.", BillingSteps.Flash(await BillingSteps.FollowAsync(staff, paid)).Text);

        order = await BillingSteps.OrderAsync(app, orderId);
        final = order.Invoices.Single(i => i.Kind == InvoiceKind.Final);
        Assert.True(final.IsSettled);
        Assert.Equal([(1000.00m, PaymentMethod.Cheque), (1998.80m, PaymentMethod.Transfer)], final.Payments.Select(p => (p.Amount.Amount, p.Method)));
        Assert.Equal(4284.00m, order.ClientPaid.Amount);
        Assert.DoesNotContain("Enregistrer un paiement", BillingSteps.BillingSection(await staff.GetPageAsync(BillingSteps.OrderPage(orderId))), StringComparison.Ordinal);
        // The copy kept after the last payment shows both payments and nothing left to pay; the issued copy is unchanged.
        var settled = ProposalSteps.PdfText(await BillingSteps.StoredPdfAsync(app, orderId, "facture-FAC-2026-000001-paiement-2-20260415.pdf"));
        Assert.Contains("Reste à payer 0,00 €", settled, StringComparison.Ordinal);
        Assert.Equal(pdf, await BillingSteps.StoredPdfAsync(app, orderId, "facture-FAC-2026-000001.pdf"));
    }
}
