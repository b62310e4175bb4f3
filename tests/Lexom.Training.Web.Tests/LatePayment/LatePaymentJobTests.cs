using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Jobs;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Opco;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lexom.Training.Web.Tests.Opco.MoneySeeds;

namespace Lexom.Training.Web.Tests.LatePayment;

/// <summary>
/// L1–L3 by the daily job and on the pages, across 30 June, with the penalty invoice. Each test has its own app: the clock
/// moves forward.
/// </summary>
public sealed class LatePaymentJobTests
{
    /// <summary>Worked example 5: the final invoice FAC-2026-000001 of 2 998,80 € issued and due on 29 May 2026, for a company.</summary>
    private static Task<Seeded> LateFinalAsync(LexomApp app, PayerKind payer = PayerKind.Company) =>
        OrderAsync(app, new(2026, 2, 16), new(2026, 5, 28), new(2026, 5, 29), async (o, n) => await CompleteWithFinalInvoiceAsync(o, n, new(2026, 5, 29)), payer);

    [Fact]
    public async Task L1_L2_L3_interest_across_30_june_at_each_half_year_rate_by_the_job_and_on_the_page_then_billed_on_a_penalty_invoice_with_its_pdf_and_e_mail()
    {
        await using var app = await StartAsync();
        var s = await LateFinalAsync(app);
        // The admin sets the second half of 2026: max(2,40 + 10, 3 × 4,50) = 13,5 % (the first half stays at max(12,15, 7,86) = 12,15 %).
        using (var admin = await app.SignedInAsync(Roles.Admin))
        using (await admin.PostFormAsync("/gestion/parametres/taux", "/gestion/parametres/taux/2026/2", ("Ecb", "2,40"), ("Legal", "4,50"), ("Verified", "true"))) { }

        // Nothing late on the due date.
        app.Clock.SetUtcNow(Paris(2026, 5, 29, 23, 0));
        Assert.Equal(new LatePaymentRun(0, 0, 0), await RunAsync(app));

        // 28 June, 30 days late: the spec's example 5, 29,95 € of interest and 40 €.
        app.Clock.SetUtcNow(Paris(2026, 6, 28));
        Assert.Equal(new LatePaymentRun(1, 1, 0), await RunAsync(app));
        var june = await StatusAsync(app, s.OrderId);
        Assert.Equal((new DateOnly(2026, 6, 28), 30, 2998.80m, 29.95m, 40.00m), (june.ComputedOn, june.DaysLate, june.Unpaid.Amount, june.Interest.Amount, june.RecoveryIndemnity.Amount));

        // 10 July, 42 days: 32 days at 12,15 % (31,94 €) + 10 days at 13,5 % (11,09 €).
        app.Clock.SetUtcNow(Paris(2026, 7, 10));
        Assert.Equal(new LatePaymentRun(1, 1, 0), await RunAsync(app));
        var july = await StatusAsync(app, s.OrderId);
        Assert.Equal((new DateOnly(2026, 7, 10), 42, 2998.80m, 43.03m, 40.00m), (july.ComputedOn, july.DaysLate, july.Unpaid.Amount, july.Interest.Amount, july.RecoveryIndemnity.Amount));
        Assert.Contains("du 30/05/2026 au 30/06/2026, 32 jours sur 2 998,80 € au taux de 12,15 % : 31,94 €", Plain(july.Explanation), StringComparison.Ordinal);
        Assert.Contains("du 01/07/2026 au 10/07/2026, 10 jours sur 2 998,80 € au taux de 13,5 % : 11,09 €", Plain(july.Explanation), StringComparison.Ordinal);
        // Idempotent: the same figures again.
        Assert.Equal(new LatePaymentRun(1, 1, 0), await RunAsync(app));
        Assert.Equal(july.Interest, (await StatusAsync(app, s.OrderId)).Interest);

        using var sales = await app.SignedInAsync(Roles.Sales);
        var list = await sales.GetPageAsync("/gestion/retards");
        Assert.Contains("<td>FAC-2026-000001", Squeezed(list).Replace("<td><a href=\"/gestion/commandes/" + s.OrderId + "#retards\">", "<td>", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<td>29/05/2026</td><td>42</td><td>2 998,80 €</td><td>43,03 €</td><td>40,00 €</td><td>10/07/2026</td>", Squeezed(list), StringComparison.Ordinal);
        Assert.Contains("(suspendu)", list, StringComparison.Ordinal);

        var late = Squeezed(Late(await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}")));
        Assert.Contains("<td>FAC-2026-000001</td><td>29/05/2026</td><td>42</td><td>2 998,80 €</td><td>43,03 €</td><td>40,00 €</td><td>0,00 €</td><td>83,03 €", late, StringComparison.Ordinal);
        Assert.Contains("Client suspendu", late, StringComparison.Ordinal);

        // L1–L3 billed: FAC-2026-000002 of 83,03 €, no VAT, its PDF kept and e-mailed.
        var invoiceId = (await LoadAsync(app, s.OrderId)).Invoices.Single(i => i.Kind == InvoiceKind.Final).Id;
        using (var issued = await sales.PostFormAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/penalites/{invoiceId}"))
            Assert.Equal($"/gestion/commandes/{s.OrderId}#retards", issued.Headers.Location!.OriginalString);
        var order = await LoadAsync(app, s.OrderId);
        var penalty = order.Invoices.Single(i => i.Kind == InvoiceKind.LatePenalty);
        Assert.Equal(("FAC-2026-000002", 83.03m, 83.03m, 0m, invoiceId, new DateOnly(2026, 7, 10)),
            (penalty.Number.ToString(), penalty.Ttc.Amount, penalty.Ht.Amount, penalty.Vat.Amount, penalty.PenaltyForInvoiceId!.Value, penalty.DueOn));
        var mail = await OrderSteps.SingleMailAsync(app, LatePaymentEmails.PenaltyKind, s.Email);
        Assert.Equal("Facture FAC-2026-000002 : pénalités de retard sur la facture FAC-2026-000001", mail.Subject);
        Assert.Contains("facture FAC-2026-000002 de 83,03 €", TestClient.Readable(mail.TextBody ?? ""), StringComparison.Ordinal);
        var pdf = ProposalSteps.PdfText(await OrderSteps.AttachmentAsync(mail, "facture-FAC-2026-000002.pdf"));
        foreach (var expected in new[]
                 {
                     "Facture n° FAC-2026-000002", "Pénalités de retard sur la facture", "FAC-2026-000001 du 29/05/2026, échue le 29/05/2026",
                     "42 jours au taux de 12,15 % puis 13,5 %", ": 43,03 € (L1, L2)", "indemnité forfaitaire de recouvrement : 40,00 € (L3)",
                     "Hors champ de la TVA.", "Total TTC 83,03 €", "TVA 0 % sur 83,03 € 0,00 €",
                 })
            Assert.True(pdf.Contains(expected, StringComparison.Ordinal), $"La facture de pénalités ne contient pas « {expected} » : {pdf}");
        await using (var db = app.OpenDb())
            Assert.True(await db.StoredFiles.AnyAsync(f => f.OrderId == s.OrderId && f.FileName == "facture-FAC-2026-000002.pdf"));

        var billed = Squeezed(await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"));
        Assert.Contains("Facture de pénalités de retard émise et envoyée au client (L1–L3).", billed, StringComparison.Ordinal);
        Assert.Contains("<td>43,03 €</td><td>40,00 €</td><td>83,03 €</td><td>0,00 €", billed, StringComparison.Ordinal);
        Assert.DoesNotContain($"/penalites/{invoiceId}", billed, StringComparison.Ordinal);
        // A second click bills nothing more.
        using (await sales.PostFormAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/penalites/{invoiceId}")) { }
        Assert.Contains("sont déjà facturées : rien de plus n'est dû (L1, L3).", await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
        Assert.Single((await LoadAsync(app, s.OrderId)).Invoices, i => i.Kind == InvoiceKind.LatePenalty);
        await OrderSteps.SingleMailAsync(app, LatePaymentEmails.PenaltyKind, s.Email);

        // Paid on 15 July: the job computes it once more up to the payment (47 days: 32 at 12,15 %, 15 at 13,5 %), then leaves it.
        await PayAsync(app, s.OrderId, o => o.Invoices.Single(i => i.Kind == InvoiceKind.Final), 2998.80m, new(2026, 7, 15));
        app.Clock.SetUtcNow(Paris(2026, 7, 16));
        Assert.Equal(new LatePaymentRun(1, 0, 0), await RunAsync(app));
        var paid = await StatusAsync(app, s.OrderId);
        Assert.Equal((47, 0m, 31.94m + 16.64m), (paid.DaysLate, paid.Unpaid.Amount, paid.Interest.Amount));
        Assert.Equal(new LatePaymentRun(0, 0, 0), await RunAsync(app));
        // What ran since the penalty invoice is what a new one would bill: 48,58 + 40 − 83,03.
        using var again = await app.SignedInAsync(Roles.Sales);
        Assert.Contains("<td>48,58 €</td><td>40,00 €</td><td>83,03 €</td><td>5,55 €", Squeezed(Late(await again.GetPageAsync($"/gestion/commandes/{s.OrderId}"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task L2_a_half_year_without_rates_is_reported_and_the_other_invoices_are_still_computed()
    {
        await using var app = await StartAsync();
        var s = await LateFinalAsync(app);
        // Late into 2027, whose rates are not entered yet: that order fails, the one late in 2026 only is computed.
        var other = await OrderAsync(app, new(2026, 2, 16), new(2026, 12, 1), new(2026, 12, 2), (o, n) => CompleteWithFinalInvoiceAsync(o, n, new(2026, 12, 31)));
        app.Clock.SetUtcNow(Paris(2026, 12, 31));
        Assert.Equal(new LatePaymentRun(1, 1, 0), await RunAsync(app));
        app.Clock.SetUtcNow(Paris(2027, 1, 4));
        Assert.Equal(new LatePaymentRun(0, 0, 2), await RunAsync(app));
        Assert.Equal(new DateOnly(2026, 12, 31), (await StatusAsync(app, s.OrderId)).ComputedOn);
        using var sales = await app.SignedInAsync(Roles.Sales);
        Assert.Contains("Les taux BCE et légal du premier semestre 2027 ne sont pas saisis : impossible de calculer les intérêts de retard (L2). Saisissez-les",
            await sales.GetPageAsync($"/gestion/commandes/{other.OrderId}"), StringComparison.Ordinal);

        using (var admin = await app.SignedInAsync(Roles.Admin))
        using (await admin.PostFormAsync("/gestion/parametres/taux", "/gestion/parametres/taux", ("Year", "2027"), ("Half", "1"), ("Ecb", "2,15"), ("Legal", "3"))) { }
        Assert.Equal(new LatePaymentRun(2, 2, 0), await RunAsync(app));
    }

    internal static async Task<LatePaymentRun> RunAsync(LexomApp app) =>
        await app.Services.GetRequiredService<LatePaymentJob>().RunOnceAsync(CancellationToken.None);

    private static async Task<InvoiceLateStatus> StatusAsync(LexomApp app, Guid orderId)
    {
        await using var db = app.OpenDb();
        var final = await db.Invoices.AsNoTracking().Where(i => EF.Property<Guid>(i, "OrderId") == orderId && i.Kind == InvoiceKind.Final).Select(i => i.Id).SingleAsync();
        return await db.InvoiceLateStatuses.AsNoTracking().SingleAsync(r => r.InvoiceId == final);
    }

    /// <summary>The late-payment section of the order page.</summary>
    internal static string Late(string page)
    {
        var start = page.IndexOf("<section id=\"retards\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "La section des retards est absente de la page de la commande.");
        var end = page.IndexOf("<h3>Mise en demeure", start, StringComparison.Ordinal);
        return page[start..end];
    }

    internal static string Plain(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    internal static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(html, ">\\s+<", "><");
}
