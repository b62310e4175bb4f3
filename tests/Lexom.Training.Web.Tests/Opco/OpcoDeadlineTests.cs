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
using static Lexom.Training.Web.Tests.Opco.MoneySeeds;

namespace Lexom.Training.Web.Tests.Opco;

/// <summary>O3 through the pages: the deadline day and the day after. Each test has its own app: the clock moves forward.</summary>
public sealed class OpcoDeadlineTests
{
    /// <summary>
    /// Worked example 1 with AKTO funding 2 000,00 € under subrogation: deposit 1 285,20 € paid, training 16–17 March 2026,
    /// final invoice FAC-2026-000001 of 998,80 € paid on 20 March, OPCO invoice FAC-2026-000002 of 2 000,00 € unpaid.
    /// </summary>
    private static Task<Seeded> FundedAndCompletedAsync(LexomApp app) =>
        OrderAsync(app, new(2026, 2, 16), new(2026, 3, 16), new(2026, 3, 17), async (o, n) =>
        {
            await ConfirmAsync(o, n);
            o.RecordOpcoFunding(Akto(2000m, new(2026, 2, 20), indemnityCoverage: 500m));
            var final = await CompleteWithFinalInvoiceAsync(o, n, new(2026, 3, 17));
            Assert.Equal(Money.Euros(998.80m), final.Ttc);
            o.IssueOpcoInvoice(Guid.NewGuid(), await n.Next(DocumentKind.Invoice), new(2026, 3, 17));
            o.RecordPayment(final.Id, Guid.NewGuid(), final.Ttc, new(2026, 3, 20), $"VIR SOLDE {Guid.NewGuid():N}");
        });

    [Fact]
    public async Task O3_on_the_deadline_day_the_claim_waits_and_from_the_next_day_closing_it_bills_the_client_the_2000_euros_left_with_a_credit_note_pdfs_and_an_e_mail()
    {
        await using var app = await StartAsync();
        var s = await FundedAndCompletedAsync(app);

        // 17 April, the deadline day (end 17 March + 1 month): still the OPCO's.
        app.Clock.SetUtcNow(Paris(2026, 4, 17, 18, 0));
        using (var sales = await app.SignedInAsync(Roles.Sales))
        {
            var opco = OpcoFundingTests.Opco(await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"));
            Assert.Contains("L'OPCO a jusqu'au <strong>17 avril 2026</strong> inclus pour régler sa part", opco, StringComparison.Ordinal);
            Assert.Contains("<strong>Échéance proche</strong>", opco, StringComparison.Ordinal);
            Assert.DoesNotContain("Clore la prise en charge impayée", opco, StringComparison.Ordinal);
            Assert.Contains(s.Number, await sales.GetPageAsync("/gestion/opco?etat=proche"), StringComparison.Ordinal);
            Assert.DoesNotContain(s.Number, await sales.GetPageAsync("/gestion/opco?etat=echue"), StringComparison.Ordinal);

            // Closing is refused with the domain's reason and changes nothing (the numbers taken are given back).
            using (var refused = await sales.PostFormAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/opco/cloture"))
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("L'OPCO a jusqu'au 17/04/2026 inclus pour régler 2 000,00 € ; à défaut, le client sera facturé de la totalité à partir du 18/04/2026 (O3).",
                await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
            var order = await LoadAsync(app, s.OrderId);
            Assert.Null(order.Opco!.ClosedUnpaidOn);
            Assert.Equal(3, order.Invoices.Count);
        }

        // 18 April: overdue, on the list, and closed from the order page.
        app.Clock.SetUtcNow(Paris(2026, 4, 18, 9, 0));
        using var staff = await app.SignedInAsync(Roles.Sales);
        Assert.Contains(s.Number, await staff.GetPageAsync("/gestion/opco?etat=echue"), StringComparison.Ordinal);
        var overdue = OpcoFundingTests.Opco(await staff.GetPageAsync($"/gestion/commandes/{s.OrderId}"));
        Assert.Contains("<strong>Échue : à clore (O3)</strong>", overdue, StringComparison.Ordinal);
        Assert.Contains("L'OPCO n'a pas réglé 2 000,00 € au 17/04/2026", overdue, StringComparison.Ordinal);
        Assert.Contains("facture au client 2 000,00 €", overdue, StringComparison.Ordinal);

        using (var closed = await staff.PostFormAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/opco/cloture"))
            Assert.Equal($"/gestion/commandes/{s.OrderId}#opco", closed.Headers.Location!.OriginalString);

        await using (var db = app.OpenDb())
        {
            var order = await db.Orders.AsNoTracking().Include(o => o.Invoices).SingleAsync(o => o.Id == s.OrderId);
            Assert.Equal(new DateOnly(2026, 4, 18), order.Opco!.ClosedUnpaidOn);
            Assert.False(order.HasSubrogation);
            var opcoInvoice = order.Invoices.Single(i => i.Kind == InvoiceKind.Opco);
            var creditNote = order.Invoices.Single(i => i.Kind == InvoiceKind.CreditNote);
            Assert.Equal(("AV-2026-000001", 2000.00m, opcoInvoice.Id, InvoicePayer.Opco), (creditNote.Number.ToString(), creditNote.Ttc.Amount, creditNote.CreditsInvoiceId!.Value, creditNote.Payer));
            Assert.Equal(Money.Zero, opcoInvoice.AmountDue);
            var shortfall = order.Invoices.Single(i => i.Kind == InvoiceKind.OpcoShortfall);
            Assert.Equal(("FAC-2026-000003", 2000.00m, InvoicePayer.Client, new DateOnly(2026, 4, 18)), (shortfall.Number.ToString(), shortfall.Ttc.Amount, shortfall.Payer, shortfall.DueOn));
            // The client owes the whole price minus what was received: 4 284,00 − 1 285,20 − 998,80.
            Assert.Equal(Money.Euros(2000m), order.ClientAmountDue);
            Assert.Equal(DecisionKind.OpcoDeadline, order.Decisions[^1].Kind);
            var files = await db.StoredFiles.AsNoTracking().Where(f => f.OrderId == s.OrderId && f.Kind == StoredFileKind.Invoice).Select(f => f.FileName).ToListAsync();
            Assert.Equal(["avoir-AV-2026-000001.pdf", "facture-FAC-2026-000003.pdf"], files.Order(StringComparer.Ordinal));
        }

        var mail = await OrderSteps.SingleMailAsync(app, OpcoEmails.ShortfallKind, s.Email);
        Assert.Equal($"Facture FAC-2026-000003 : prise en charge AKTO non réglée (commande {s.Number})", mail.Subject);
        var body = TestClient.Readable(mail.TextBody ?? "");
        Assert.Contains("AKTO n'a pas réglé 2 000,00 € à cette date", body, StringComparison.Ordinal);
        Assert.Contains("Il vous reste 2 000,00 € à régler en tout.", body, StringComparison.Ordinal);
        var pdf = ProposalSteps.PdfText(await OrderSteps.AttachmentAsync(mail, "facture-FAC-2026-000003.pdf"));
        foreach (var expected in new[] { "FAC-2026-000003", "Part non réglée par AKTO au 17/04/2026 (O3)", "2 000,00 €", s.Number })
            Assert.True(pdf.Contains(expected, StringComparison.Ordinal), $"La facture ne contient pas « {expected} » : {pdf}");
        var creditNotePdf = await StoredPdfAsync(app, s.OrderId, "avoir-AV-2026-000001.pdf");
        Assert.Contains("AV-2026-000001", creditNotePdf, StringComparison.Ordinal);
        Assert.Contains("2 000,00 €", creditNotePdf, StringComparison.Ordinal);

        var page = await staff.GetPageAsync($"/gestion/commandes/{s.OrderId}");
        Assert.Contains("Prise en charge OPCO close comme impayée", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Close impayée</strong>", OpcoFundingTests.Opco(page), StringComparison.Ordinal);
        Assert.Contains(s.Number, await staff.GetPageAsync("/gestion/opco?etat=close"), StringComparison.Ordinal);

        // A second click changes nothing.
        using (await staff.PostFormAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/opco/cloture")) { }
        Assert.Contains("La prise en charge OPCO a déjà été close comme impayée le 18 avril 2026 (O3).", await staff.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
        Assert.Equal(5, (await LoadAsync(app, s.OrderId)).Invoices.Count);
        await OrderSteps.SingleMailAsync(app, OpcoEmails.ShortfallKind, s.Email);
    }

    [Fact]
    public async Task O3_an_opco_that_paid_by_the_deadline_leaves_nothing_to_close()
    {
        await using var app = await StartAsync();
        var s = await FundedAndCompletedAsync(app);
        await PayAsync(app, s.OrderId, o => o.Invoices.Single(i => i.Kind == InvoiceKind.Opco), 2000m, new(2026, 4, 17));

        app.Clock.SetUtcNow(Paris(2026, 4, 20));
        using var sales = await app.SignedInAsync(Roles.Sales);
        var opco = OpcoFundingTests.Opco(await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"));
        Assert.Contains("<strong>Payée par l'OPCO</strong>", opco, StringComparison.Ordinal);
        Assert.DoesNotContain("Clore la prise en charge impayée", opco, StringComparison.Ordinal);
        using (await sales.PostFormAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/opco/cloture")) { }
        Assert.Contains("L'OPCO a réglé sa part : rien ne change pour le client (O3).", await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
        Assert.Equal(3, (await LoadAsync(app, s.OrderId)).Invoices.Count);
    }

    private static async Task<string> StoredPdfAsync(LexomApp app, Guid orderId, string fileName)
    {
        await using var db = app.OpenDb();
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.OrderId == orderId && f.FileName == fileName);
        return ProposalSteps.PdfText(file.Content);
    }
}
