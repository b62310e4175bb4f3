using System.Net;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Billing;

/// <summary>O2 on a training that ended on 24 February 2026 (today is 2 March): the client billed its share, the OPCO its part.</summary>
public sealed class BillingOpcoTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task O2_with_subrogation_the_client_is_billed_its_share_minus_its_deposit_and_the_opco_its_part_kept_for_the_staff_not_mailed()
    {
        // 4 284,00 € TTC, deposit 1 285,20 € paid, OPCO agreement 1 000,05 €: the client's share is 3 283,95 €, its final invoice 1 998,75 €.
        var order = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("opco@vivaraise.example", opco: ("OPCO Atlas", 1000.05m), clientName: "Distillerie Vivaraise"));
        using var sales = await app.SignedInAsync(Roles.Sales);
        using (var close = await BillingSteps.CloseAsync(sales, order.Id))
            Assert.True(BillingSteps.Flash(await BillingSteps.FollowAsync(sales, close)).Ok);

        var page = BillingSteps.BillingSection(await sales.GetPageAsync(BillingSteps.OrderPage(order.Id)));
        foreach (var expected in new[]
                 {
                     "<dt>Prise en charge par OPCO Atlas (subrogation, O2)</dt><dd>1 000,05 €</dd>", "<dt>Part du client</dt><dd>3 283,95 €</dd>",
                     "<strong>1 998,75 €</strong>, payable à réception", "Facturer l'OPCO",
                     "elle n'est pas envoyée par e-mail, ni au client ni à l'OPCO",
                 })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        using (var final = await BillingSteps.FinalInvoiceAsync(sales, order.Id))
            Assert.Equal("Facture finale FAC-2026-000001 émise (1 998,75 €, payable à réception) et envoyée à opco@vivaraise.example.",
                BillingSteps.Flash(await BillingSteps.FollowAsync(sales, final)).Text);
        using (var opco = await BillingSteps.OpcoInvoiceAsync(sales, order.Id))
            Assert.Equal("Facture FAC-2026-000002 à OPCO Atlas émise (1 000,05 €) : téléchargez-la pour l'envoyer à l'OPCO, elle n'est pas envoyée par e-mail.",
                BillingSteps.Flash(await BillingSteps.FollowAsync(sales, opco)).Text);
        using (var again = await BillingSteps.OpcoInvoiceAsync(sales, order.Id))
            Assert.Equal("La facture à l'OPCO FAC-2026-000002 est déjà émise.", BillingSteps.Flash(await BillingSteps.FollowAsync(sales, again)).Text);

        var saved = await BillingSteps.OrderAsync(app, order.Id);
        var clientInvoice = saved.Invoices.Single(i => i.Kind == InvoiceKind.Final);
        var opcoInvoice = saved.Invoices.Single(i => i.Kind == InvoiceKind.Opco);
        Assert.Equal((1998.75m, 1665.63m, 333.12m, InvoicePayer.Client), (clientInvoice.Ttc.Amount, clientInvoice.Ht.Amount, clientInvoice.Vat.Amount, clientInvoice.Payer));
        Assert.Equal((1000.05m, 833.38m, 166.67m, InvoicePayer.Opco), (opcoInvoice.Ttc.Amount, opcoInvoice.Ht.Amount, opcoInvoice.Vat.Amount, opcoInvoice.Payer));
        Assert.Equal(saved.PriceTtc, saved.DepositInvoice!.Ttc + clientInvoice.Ttc + opcoInvoice.Ttc); // O2: nothing billed twice, nothing forgotten

        // The client's e-mail: its share, the OPCO's part named; the OPCO's invoice is e-mailed to nobody.
        var mail = await OrderSteps.SingleMailAsync(app, InvoiceEmail.FinalKind, "opco@vivaraise.example");
        Assert.Contains("La part prise en charge par OPCO Atlas, soit 1 000,05 €, lui est facturée directement", TestClient.Readable(mail.TextBody ?? ""), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == "opco@vivaraise.example" && m.Kind.StartsWith("facture")));

        // The PDFs ask exactly what the accounts hold, to the cent (HT 833,38 + VAT 166,67 = 1 000,05, not 1 000,06).
        var opcoPdf = ProposalSteps.PdfText(await BillingSteps.StoredPdfAsync(app, order.Id, "facture-FAC-2026-000002.pdf"));
        foreach (var expected in new[] { "FAC-2026-000002", "OPCO Atlas", "Pour le compte de Distillerie", "ACC-2026-0042", "833,38 €", "166,67 €", "1 000,05 €", "Subrogation de paiement" })
            Assert.True(opcoPdf.Contains(expected, StringComparison.Ordinal), $"La facture OPCO ne contient pas « {expected} » : {opcoPdf}");
        Assert.DoesNotContain("1 000,06", opcoPdf, StringComparison.Ordinal);
        var clientPdf = ProposalSteps.PdfText(await OrderSteps.AttachmentAsync(mail, "facture-FAC-2026-000001.pdf"));
        foreach (var expected in new[] { "1 998,75 €", "1 665,63 €", "333,12 €", "Solde : part client", "3 283,95 €", "OPCO", "1 000,05 €" })
            Assert.True(clientPdf.Contains(expected, StringComparison.Ordinal), $"La facture du client ne contient pas « {expected} » : {clientPdf}");

        // The OPCO pays its invoice by transfer.
        using (var paid = await BillingSteps.PayAsync(sales, order.Id, opcoInvoice.Id, "1000,05", "VIR OPCO ATLAS 2026-03-02"))
            Assert.Equal("Paiement de 1 000,05 € enregistré : la facture FAC-2026-000002 est réglée.", BillingSteps.Flash(await BillingSteps.FollowAsync(sales, paid)).Text);
        Assert.Equal(1000.05m, (await BillingSteps.OrderAsync(app, order.Id)).OpcoPaid.Amount);
    }
}
