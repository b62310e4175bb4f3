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

/// <summary>Payments against the invoices of trainings that ended on 24 February 2026 (today is 2 March), their optimistic concurrency, and credit notes (LW4).</summary>
public sealed class BillingPaymentTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task M5_payments_are_checked_amount_date_method_and_a_bank_reference_recorded_once()
    {
        var order = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("paiements@chai.example", participants: 1, clientName: "Le Chai des Gorges"));
        using var sales = await app.SignedInAsync(Roles.Sales);
        using (var close = await BillingSteps.CloseAsync(sales, order.Id)) await BillingSteps.FollowAsync(sales, close);
        using (var final = await BillingSteps.FinalInvoiceAsync(sales, order.Id)) await BillingSteps.FollowAsync(sales, final);
        var invoice = (await BillingSteps.OrderAsync(app, order.Id)).Invoices.Single(i => i.Kind == InvoiceKind.Final);
        Assert.Equal(999.60m, invoice.Ttc.Amount); // 1 428,00 − 428,40

        async Task<string> RefusedAsync(string amount, string reference, string receivedOn = "2026-03-02", string method = "virement")
        {
            using var response = await BillingSteps.PayAsync(sales, order.Id, invoice.Id, amount, reference, receivedOn, method);
            var (ok, text) = BillingSteps.Flash(await BillingSteps.FollowAsync(sales, response));
            Assert.False(ok, text);
            return text;
        }

        Assert.Equal("La date de réception du paiement ne peut pas être dans le futur.", await RefusedAsync("100", "VIR-FUTUR", receivedOn: "2026-03-03"));
        Assert.Equal("La commande date du 10/02/2026 : un paiement ne peut pas avoir été reçu avant.", await RefusedAsync("100", "VIR-PASSE", receivedOn: "2026-02-01"));
        Assert.Contains("Indiquez le montant reçu", await RefusedAsync("cent euros", "VIR-TEXTE"), StringComparison.Ordinal);
        Assert.Contains("Indiquez le montant reçu", await RefusedAsync("-5", "VIR-NEGATIF"), StringComparison.Ordinal);
        Assert.Contains("Choisissez le moyen de paiement.", await RefusedAsync("100", "VIR-MOYEN", method: "troc"), StringComparison.Ordinal);
        Assert.Contains("Indiquez la référence bancaire", await RefusedAsync("100", ""), StringComparison.Ordinal);
        Assert.Equal($"Le paiement de 999,61 € dépasse le reste dû sur {invoice.Number} (999,60 €).", await RefusedAsync("999,61", "VIR-TROP"));
        // The deposit's bank movement cannot be recorded a second time on another invoice.
        var depositReference = (await BillingSteps.OrderAsync(app, order.Id)).DepositInvoice!.Payments.Single().Reference;
        Assert.StartsWith($"Le paiement de référence bancaire « {depositReference} » est déjà enregistré (sur ACP-2026-",
            await RefusedAsync("100", depositReference), StringComparison.Ordinal);
        Assert.Empty((await BillingSteps.OrderAsync(app, order.Id)).Invoices.Single(i => i.Kind == InvoiceKind.Final).Payments);

        foreach (var (amount, reference, method) in new[] { ("100,00", "CARTE 4242", "carte"), ("200", "PRLV SEPA 77", "prelevement"), ("50,5", "ESPECES 1", "especes"), ("649,10", "CHQ 1", "cheque") })
        {
            using var ok = await BillingSteps.PayAsync(sales, order.Id, invoice.Id, amount, reference, method: method);
            Assert.True(BillingSteps.Flash(await BillingSteps.FollowAsync(sales, ok)).Ok);
        }
        var paid = (await BillingSteps.OrderAsync(app, order.Id)).Invoices.Single(i => i.Kind == InvoiceKind.Final);
        Assert.True(paid.IsSettled);
        Assert.Equal([PaymentMethod.Cash, PaymentMethod.Card, PaymentMethod.DirectDebit, PaymentMethod.Cheque], paid.Payments.OrderBy(p => p.Amount).Select(p => p.Method));

        // What was paid is kept on the invoice's row with each payment (the invoice list and the dashboard read it there):
        // on every invoice of this database it is the sum of its payments.
        await using var db = app.OpenDb();
        Assert.Equal(999.60m, (await db.Invoices.AsNoTracking().Where(i => i.Id == invoice.Id).Select(i => i.Paid).SingleAsync()).Amount);
        var drift = await db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM invoices i
            WHERE i.paid <> COALESCE((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0)
            """).SingleAsync();
        Assert.Equal(0, drift);
        Assert.True(await db.Invoices.CountAsync(i => (decimal)(object)i.Paid > 0m) >= 2); // the deposit and this invoice
    }


    [Fact]
    public async Task M5_two_staff_recording_a_payment_on_the_same_invoice_from_the_same_page_one_is_saved_the_other_is_told_and_keeps_its_form()
    {
        var order = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("concurrence@cave.example", participants: 2, clientName: "Cave de Ruoms"));
        using var first = await app.SignedInAsync(Roles.Sales);
        using var second = await app.SignedInAsync(Roles.Admin);
        using (var close = await BillingSteps.CloseAsync(first, order.Id)) await BillingSteps.FollowAsync(first, close);
        using (var final = await BillingSteps.FinalInvoiceAsync(first, order.Id)) await BillingSteps.FollowAsync(first, final);
        var invoice = (await BillingSteps.OrderAsync(app, order.Id)).Invoices.Single(i => i.Kind == InvoiceKind.Final);
        Assert.Equal(1999.20m, invoice.Ttc.Amount); // 2 856,00 − 856,80

        // Both read the page (the same version of the invoice), then both post at once, each with its own bank movement.
        var version = BillingSteps.VersionOn(await first.GetPageAsync(BillingSteps.OrderPage(order.Id)), order.Id, invoice.Id);
        Assert.Equal(version, BillingSteps.VersionOn(await second.GetPageAsync(BillingSteps.OrderPage(order.Id)), order.Id, invoice.Id));
        var posts = await Task.WhenAll(
            BillingSteps.PayAsync(first, order.Id, invoice.Id, "1 000,00", "VIR RUOMS PREMIER", version: version),
            BillingSteps.PayAsync(second, order.Id, invoice.Id, "500,00", "CHQ RUOMS SECOND", method: "cheque", version: version));
        var pages = new[] { await BillingSteps.FollowAsync(first, posts[0]), await BillingSteps.FollowAsync(second, posts[1]) };
        foreach (var post in posts) post.Dispose();
        var flashes = pages.Select(BillingSteps.Flash).ToList();
        Assert.Equal(1, flashes.Count(f => f.Ok));
        var refused = Assert.Single(flashes, f => !f.Ok);
        Assert.Equal($"Un autre enregistrement vient de modifier la facture {invoice.Number} pendant que vous saisissiez ce paiement : il n'a pas été enregistré. "
                     + "Rechargez la page, vérifiez le reste dû à jour, puis saisissez de nouveau le paiement s'il manque encore.", refused.Text);

        var saved = (await BillingSteps.OrderAsync(app, order.Id)).Invoices.Single(i => i.Kind == InvoiceKind.Final);
        var payment = Assert.Single(saved.Payments); // nothing saved over the other
        var loser = flashes[0].Ok ? 1 : 0;
        var (loserReference, loserAmount) = loser == 0 ? ("VIR RUOMS PREMIER", "1 000,00") : ("CHQ RUOMS SECOND", "500,00");
        Assert.NotEqual(loserReference, payment.Reference);
        // Nothing lost: the refused form is shown again as typed, with the invoice's new version; posting it again records it.
        Assert.Contains($"value=\"{loserReference}\"", pages[loser], StringComparison.Ordinal);
        Assert.Contains($"value=\"{loserAmount}\"", pages[loser], StringComparison.Ordinal);
        var fresh = BillingSteps.VersionOn(pages[loser], order.Id, invoice.Id);
        Assert.NotEqual(version, fresh);
        var loserClient = loser == 0 ? first : second;
        using (var retry = await BillingSteps.PayAsync(loserClient, order.Id, invoice.Id, loserAmount, loserReference, method: loser == 0 ? "virement" : "cheque", version: fresh))
            Assert.True(BillingSteps.Flash(await BillingSteps.FollowAsync(loserClient, retry)).Ok);
        Assert.Equal(2, (await BillingSteps.OrderAsync(app, order.Id)).Invoices.Single(i => i.Kind == InvoiceKind.Final).Payments.Count);
    }


    [Fact]
    public async Task LW4_an_admin_cancels_what_remains_due_by_a_credit_note_the_invoice_is_kept_and_the_client_receives_it()
    {
        var order = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("avoir@ardeche.example", clientName: "Domaine de l'Ibie"));
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using (var close = await BillingSteps.CloseAsync(sales, order.Id)) await BillingSteps.FollowAsync(sales, close);
        using (var final = await BillingSteps.FinalInvoiceAsync(sales, order.Id)) await BillingSteps.FollowAsync(sales, final);
        var invoice = (await BillingSteps.OrderAsync(app, order.Id)).Invoices.Single(i => i.Kind == InvoiceKind.Final);
        using (var part = await BillingSteps.PayAsync(sales, order.Id, invoice.Id, "998,80", "VIR IBIE 1")) await BillingSteps.FollowAsync(sales, part);

        // Credit notes are the administrators': the form is not shown to a sales person, and the action is refused.
        Assert.DoesNotContain("Annuler par un avoir", BillingSteps.BillingSection(await sales.GetPageAsync(BillingSteps.OrderPage(order.Id))), StringComparison.Ordinal);
        using (var refused = await BillingSteps.CreditNoteAsync(sales, order.Id, invoice.Id, "geste commercial"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", refused.Headers.Location!.Relative(), StringComparison.Ordinal);
        }
        var section = BillingSteps.BillingSection(await admin.GetPageAsync(BillingSteps.OrderPage(order.Id)));
        Assert.Contains($"Annuler par un avoir le reste dû de {invoice.Number} (2 000,00 €, LW4)", section, StringComparison.Ordinal);
        using (var noReason = await BillingSteps.CreditNoteAsync(admin, order.Id, invoice.Id, "  "))
            Assert.Equal((false, "Indiquez le motif de l'avoir : il figure sur l'avoir."), BillingSteps.Flash(await BillingSteps.FollowAsync(admin, noReason)));

        string doneMessage;
        using (var done = await BillingSteps.CreditNoteAsync(admin, order.Id, invoice.Id, "geste commercial accordé par la direction"))
            doneMessage = BillingSteps.Flash(await BillingSteps.FollowAsync(admin, done)).Text;
        using (var twice = await BillingSteps.CreditNoteAsync(admin, order.Id, invoice.Id, "geste commercial accordé par la direction"))
            Assert.Equal((false, $"{invoice.Number} n'a pas de reste dû à annuler par un avoir."), BillingSteps.Flash(await BillingSteps.FollowAsync(admin, twice)));

        var saved = await BillingSteps.OrderAsync(app, order.Id);
        var kept = saved.Invoices.Single(i => i.Kind == InvoiceKind.Final); // never deleted
        var note = saved.Invoices.Single(i => i.Kind == InvoiceKind.CreditNote);
        Assert.Matches("^AV-2026-[0-9]{6}$", note.Number.ToString());
        Assert.Equal((2000.00m, kept.Id), (note.Ttc.Amount, note.CreditsInvoiceId!.Value));
        Assert.Equal($"Avoir {note.Number} émis (2 000,00 €) : la facture {invoice.Number} n'a plus de reste dû ; l'avoir est envoyé au client.", doneMessage);
        Assert.Equal((2998.80m, 998.80m, 2000.00m, 0m), (kept.Ttc.Amount, kept.Paid.Amount, kept.Credited.Amount, kept.AmountDue.Amount));
        await using (var db = app.OpenDb())
            Assert.Equal(note.Number.Sequence, await db.DocumentCounters.Where(c => c.Kind == DocumentKind.CreditNote).Select(c => c.Last).SingleAsync());

        var mail = await OrderSteps.SingleMailAsync(app, InvoiceEmail.CreditNoteKind, "avoir@ardeche.example");
        Assert.Equal($"Avoir {note.Number} sur la facture {invoice.Number}", mail.Subject);
        Assert.Contains("Motif : geste commercial accordé par la direction.", TestClient.Readable(mail.TextBody ?? ""), StringComparison.Ordinal);
        var pdf = ProposalSteps.PdfText(await OrderSteps.AttachmentAsync(mail, $"avoir-{note.Number}.pdf"));
        foreach (var expected in new[] { note.Number.ToString(), invoice.Number.ToString(), "2 000,00 €", "1 666,67 €", "333,33 €", "qui reste conservée", "geste commercial" })
            Assert.True(pdf.Contains(expected, StringComparison.Ordinal), $"L'avoir ne contient pas « {expected} ».");

        section = BillingSteps.BillingSection(await admin.GetPageAsync(BillingSteps.OrderPage(order.Id)));
        Assert.Contains("Annulée par avoir", section, StringComparison.Ordinal);
        Assert.DoesNotContain($"Enregistrer un paiement sur {invoice.Number}", section, StringComparison.Ordinal);
    }
}
