using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Billing;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests.Billing;

/// <summary>
/// /gestion/factures and the accountant's exports over documents issued through the billing desk on Monday 2 March 2026:
/// <list type="bullet">
/// <item>Coteaux (3 × 1 190 € HT): ACP-1 1 285,20 € paid on 10 February; FAC-1 2 998,80 € issued today, 998,80 € paid today.</item>
/// <item>Tanargue (1 participant): ACP-2 428,40 € paid; FAC-2 999,60 € paid today.</item>
/// <item>Vivaraise with OPCO Atlas (1 000,05 €): ACP-3 paid; FAC-3 1 998,75 € cancelled by AV-1; FAC-4 1 000,05 € to the OPCO, unpaid.</item>
/// <item>Pagination SARL: 27 pending orders whose ACP-4… 428,40 € issued on 10 February are unpaid (20 days late).</item>
/// </list>
/// </summary>
public sealed partial class InvoiceListTests(LexomApp app) : IClassFixture<LexomApp>
{
    private const int Late = 27;
    private static readonly ConditionalWeakTable<LexomApp, Task<Seeded>> Seeds = [];

    private Task<Seeded> SeedAsync() => Seeds.GetValue(app, SeedDocumentsAsync);

    [Fact]
    public async Task M5_L1_LW4_the_list_shows_each_document_with_its_amounts_due_date_days_late_and_state_linked_to_its_order_and_pdf()
    {
        var s = await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var page = await sales.GetPageAsync("/gestion/factures");
        Assert.Contains("<h1>Factures</h1>", page, StringComparison.Ordinal);
        // 3 + 27 ACP, 4 FAC, 1 AV; due: 2 000,00 + 1 000,05 + 27 × 428,40; overdue: the 27 deposits.
        Assert.Contains("35 pièces · reste dû 14 566,85 €, dont échu 11 566,80 €", page, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 2", page, StringComparison.Ordinal);

        var first = Squeezed(await sales.GetPageAsync("/gestion/factures?client=coteaux"));
        var fac1 = Row(first, s.Fac1);
        Assert.Contains($"<a href=\"/gestion/factures/{s.Fac1}/pdf\">FAC-2026-000001</a>", fac1, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/gestion/commandes/{s.Coteaux.Id}\">{s.Coteaux.ProposalNumber}</a>", fac1, StringComparison.Ordinal);
        Assert.Contains("<td>Facture finale</td><td>Coteaux de l'Ardèche SCA</td>", fac1, StringComparison.Ordinal);
        Assert.Contains("<td>02/03/2026</td><td>02/03/2026</td><td>2 998,80 €</td><td>998,80 €</td><td>2 000,00 €</td><td>—</td><td><span class=\"status status-issued\">À payer</span></td>", fac1, StringComparison.Ordinal);
        Assert.Contains("<td>10/02/2026</td><td>10/02/2026</td><td>1 285,20 €</td><td>1 285,20 €</td><td>0,00 €</td><td>—</td><td><span class=\"status status-completed\">Réglée</span></td>",
            Row(first, s.Acp1), StringComparison.Ordinal);

        var vivaraise = Squeezed(await sales.GetPageAsync("/gestion/factures?client=vivaraise"));
        Assert.Contains("<td>Facture OPCO</td><td>OPCO Atlas (pour Distillerie Vivaraise)</td>", Row(vivaraise, s.Fac4), StringComparison.Ordinal);
        Assert.Contains("<span class=\"status status-cancelled\">Annulée par avoir</span>", Row(vivaraise, s.Fac3), StringComparison.Ordinal);
        Assert.Contains("<td>Avoir sur FAC-2026-000003</td><td>Distillerie Vivaraise</td>", Row(vivaraise, s.Av1), StringComparison.Ordinal);
        Assert.Contains("<td>1 998,75 €</td><td>—</td><td>—</td><td>—</td><td><span class=\"status status-cancelled\">Avoir</span>", Row(vivaraise, s.Av1), StringComparison.Ordinal);

        // L1: late from the day after the due date; 10 February → 20 days on 2 March.
        var late = Squeezed(await sales.GetPageAsync("/gestion/factures?etat=echue&client=pagination"));
        Assert.Contains("<td>10/02/2026</td><td>10/02/2026</td><td>428,40 €</td><td>0,00 €</td><td>428,40 €</td><td>20 jours</td><td><span class=\"status status-new\">Échue</span></td>", late, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type=avoir", 1)]
    [InlineData("type=acompte", 3 + Late)]
    [InlineData("type=facture", 4)]
    [InlineData("etat=a-payer", 2)]
    [InlineData("etat=echue", Late)]
    [InlineData("etat=reglee", 4)]
    [InlineData("etat=annulee", 1)]
    [InlineData("type=facture&etat=a-payer", 2)]
    [InlineData("client=ATLAS", 4)]
    [InlineData("client=tanargue", 2)]
    [InlineData("q=fac-2026-000004", 1)]
    [InlineData("q=AV-2026", 1)]
    [InlineData("du=2026-03-01", 5)]
    [InlineData("du=2026-02-01&au=2026-02-28", 3 + Late)]
    [InlineData("au=2026-01-31", 0)]
    [InlineData("q=introuvable", 0)]
    public async Task The_filters_by_kind_state_client_number_and_issue_dates_narrow_the_list(string query, int expected)
    {
        await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        Assert.Equal(expected, CountOf(await sales.GetPageAsync("/gestion/factures?" + query)));
    }

    [Theory]
    [InlineData("du=abc")]
    [InlineData("au=2026-13-45")]
    [InlineData("page=-3")]
    [InlineData("page=99")]
    [InlineData("etat=xyz&type=zzz")]
    [InlineData("q=%25_%5C")]
    [InlineData("client=%27%3B%20DROP%20TABLE%20invoices%3B--")]
    public async Task A_filter_value_that_does_not_parse_is_ignored_not_an_error(string query)
    {
        await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        Assert.Contains("<h1>Factures</h1>", await sales.GetPageAsync("/gestion/factures?" + query), StringComparison.Ordinal);
        foreach (var export in new[] { "export-ecritures.csv", "export-paiements.csv" })
        {
            using var csv = await sales.GetAsync($"/gestion/factures/{export}?{query}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        }
    }

    [Fact]
    public async Task Twenty_five_documents_a_page_newest_first_and_the_pager_keeps_the_filter()
    {
        await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var first = await sales.GetPageAsync("/gestion/factures?type=acompte");
        Assert.Equal(25, Numbers(first).Count);
        Assert.Contains("href=\"/gestion/factures?type=acompte&page=2\"", first, StringComparison.Ordinal);
        var second = await sales.GetPageAsync("/gestion/factures?type=acompte&page=2");
        Assert.Equal(3 + Late - 25, Numbers(second).Count);
        Assert.Contains("href=\"/gestion/factures?type=acompte\">Page précédente", second, StringComparison.Ordinal);
        var all = Numbers(first).Concat(Numbers(second)).ToList();
        Assert.Equal(all.Distinct().Count(), all.Count);
        Assert.Equal(all.OrderByDescending(n => n, StringComparer.Ordinal), all); // same issue day: the highest number first
    }

    [Fact]
    public async Task LW4_M5_O2_the_accounting_export_has_one_balanced_entry_per_document_and_payment_in_the_sales_and_bank_journals()
    {
        var s = await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        Assert.Contains("href=\"/gestion/factures/export-ecritures.csv?du=2026-03-01\"", await sales.GetPageAsync("/gestion/factures?du=2026-03-01&etat=echue"), StringComparison.Ordinal);
        var lines = await BillingSteps.CsvLinesAsync(sales, "/gestion/factures/export-ecritures.csv");
        Assert.Equal("Date;Journal;Compte;Libellé;Débit;Crédit;Pièce", lines[0]);
        var entries = lines.Skip(1).Select(Entry.Parse).ToList();

        // Every entry balances: a document (VT) by its number, a payment (BQ) by its number and its label.
        foreach (var group in entries.GroupBy(e => (e.Journal, e.Piece, e.Journal == "BQ" ? e.Label : "")))
            Assert.True(group.Sum(e => e.Debit) == group.Sum(e => e.Credit), $"Écriture déséquilibrée : {group.Key}");
        Assert.Equal(entries.Sum(e => e.Debit), entries.Sum(e => e.Credit));
        Assert.All(entries, e => Assert.True(e.Debit == 0m ^ e.Credit == 0m, $"Une ligne est au débit ou au crédit : {e}"));

        // A deposit invoice is booked like an invoice: 411 TTC / 706 HT / 44571 VAT.
        Assert.Equal(
        [
            "10/02/2026;VT;411;Facture d'acompte ACP-2026-000001 Coteaux de l'Ardèche SCA;1285,20;0,00;ACP-2026-000001",
            "10/02/2026;VT;706;Facture d'acompte ACP-2026-000001 Coteaux de l'Ardèche SCA;0,00;1071,00;ACP-2026-000001",
            "10/02/2026;VT;44571;Facture d'acompte ACP-2026-000001 Coteaux de l'Ardèche SCA;0,00;214,20;ACP-2026-000001",
        ], lines.Where(l => l.StartsWith("10/02/2026;VT;", StringComparison.Ordinal) && l.EndsWith(";ACP-2026-000001", StringComparison.Ordinal)));
        Assert.Equal(
        [
            "02/03/2026;VT;411;Facture finale FAC-2026-000001 Coteaux de l'Ardèche SCA;2998,80;0,00;FAC-2026-000001",
            "02/03/2026;VT;706;Facture finale FAC-2026-000001 Coteaux de l'Ardèche SCA;0,00;2499,00;FAC-2026-000001",
            "02/03/2026;VT;44571;Facture finale FAC-2026-000001 Coteaux de l'Ardèche SCA;0,00;499,80;FAC-2026-000001",
        ], lines.Where(l => l.Contains(";VT;", StringComparison.Ordinal) && l.EndsWith(";FAC-2026-000001", StringComparison.Ordinal)));
        // O2: the OPCO's invoice is on the OPCO; a credit note reverses the invoice it corrects.
        Assert.Contains("02/03/2026;VT;411;Facture OPCO FAC-2026-000004 OPCO Atlas (pour Distillerie Vivaraise);1000,05;0,00;FAC-2026-000004", lines);
        Assert.Equal(
        [
            "02/03/2026;VT;706;Avoir AV-2026-000001 sur FAC-2026-000003 Distillerie Vivaraise;1665,63;0,00;AV-2026-000001",
            "02/03/2026;VT;44571;Avoir AV-2026-000001 sur FAC-2026-000003 Distillerie Vivaraise;333,12;0,00;AV-2026-000001",
            "02/03/2026;VT;411;Avoir AV-2026-000001 sur FAC-2026-000003 Distillerie Vivaraise;0,00;1998,75;AV-2026-000001",
        ], lines.Where(l => l.EndsWith(";AV-2026-000001", StringComparison.Ordinal)));
        // Payments: 512 / 411 on the day received, with the invoice as the document.
        Assert.Equal(
        [
            "02/03/2026;BQ;512;Règlement FAC-2026-000001 Coteaux de l'Ardèche SCA virement réf. VIR COTEAUX 0302;998,80;0,00;FAC-2026-000001",
            "02/03/2026;BQ;411;Règlement FAC-2026-000001 Coteaux de l'Ardèche SCA virement réf. VIR COTEAUX 0302;0,00;998,80;FAC-2026-000001",
        ], lines.Where(l => l.Contains(";BQ;", StringComparison.Ordinal) && l.EndsWith(";FAC-2026-000001", StringComparison.Ordinal)));
        Assert.Equal(5, entries.Count(e => e.Journal == "BQ" && e.Account == "512")); // 3 deposits, a partial and a full payment
        Assert.Equal(35, entries.Where(e => e.Journal == "VT").Select(e => e.Piece).Distinct().Count());
        // 411 balance = what remains due (documents − credit notes − payments).
        var customers = entries.Where(e => e.Account == "411").Sum(e => e.Debit - e.Credit);
        Assert.Equal(14566.85m, customers);
        Assert.Equal(s.Paid, entries.Where(e => e.Account == "512").Sum(e => e.Debit));

        // The period: documents by issue date, payments by the day received.
        var march = (await BillingSteps.CsvLinesAsync(sales, "/gestion/factures/export-ecritures.csv?du=2026-03-01&au=2026-03-31")).Skip(1).Select(Entry.Parse).ToList();
        Assert.All(march, e => Assert.Equal(new DateOnly(2026, 3, 2), e.Date));
        Assert.Equal(5, march.Where(e => e.Journal == "VT").Select(e => e.Piece).Distinct().Count());
        Assert.Equal(2, march.Count(e => e.Journal == "BQ" && e.Account == "512"));
    }

    [Fact]
    public async Task The_payments_export_lists_each_payment_with_its_method_bank_reference_document_and_payer()
    {
        await SeedAsync();
        using var admin = await app.SignedInAsync(Roles.Admin);
        var lines = await BillingSteps.CsvLinesAsync(admin, "/gestion/factures/export-paiements.csv");
        Assert.Equal("Date;Montant;Moyen de paiement;Référence bancaire;Pièce;Type de pièce;Payeur;Client;Commande", lines[0]);
        Assert.Equal(5, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("10/02/2026;1285,20;virement;VIR-SEED-ACP-2026-000001;ACP-2026-000001;Facture d'acompte;Coteaux de l'Ardèche SCA;Coteaux de l'Ardèche SCA;DEV-2026-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("02/03/2026;999,60;chèque;CHQ TANARGUE 1;FAC-2026-000002;Facture finale;Brasserie du Tanargue;Brasserie du Tanargue;DEV-2026-", StringComparison.Ordinal));
        Assert.Equal(2, (await BillingSteps.CsvLinesAsync(admin, "/gestion/factures/export-paiements.csv?du=2026-03-02&au=2026-03-02")).Length - 1);
    }

    [Fact]
    public async Task LW4_the_pdf_of_a_document_is_the_copy_kept_as_issued_and_only_the_staff_read_it()
    {
        var s = await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        using (var kept = await sales.GetAsync($"/gestion/factures/{s.Fac1}/pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
            Assert.Equal("facture-FAC-2026-000001.pdf", kept.Content.Headers.ContentDisposition!.FileNameStar ?? kept.Content.Headers.ContentDisposition.FileName);
            Assert.Equal(await BillingSteps.StoredPdfAsync(app, s.Coteaux.Id, "facture-FAC-2026-000001.pdf"), await kept.Content.ReadAsByteArrayAsync());
        }
        // A deposit invoice recorded without its PDF (seeded) is rendered from the order.
        using (var rendered = await sales.GetAsync($"/gestion/factures/{s.Acp1}/pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
            Assert.Contains("ACP-2026-000001", Proposals.ProposalSteps.PdfText(await rendered.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }
        using (var missing = await sales.GetAsync($"/gestion/factures/{Guid.NewGuid()}/pdf"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var client = await app.SignedInAsync(Roles.Client);
        using var anonymous = app.NewClient();
        foreach (var url in new[] { "/gestion/factures", "/gestion/factures/export-ecritures.csv", "/gestion/factures/export-paiements.csv", $"/gestion/factures/{s.Fac1}/pdf" })
        {
            foreach (var (who, expected) in new[] { (anonymous, "/compte/connexion"), (client, "/compte/acces-refuse") })
            {
                using var r = await who.GetAsync(url);
                Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.Relative().StartsWith(expected, StringComparison.Ordinal),
                    $"GET {url}: {(int)r.StatusCode} {r.Headers.Location}");
            }
        }
    }

    // ------------------------------------------------------------------ the seeded documents

    private sealed record Seeded(SeededOrder Coteaux, Guid Acp1, Guid Fac1, Guid Fac3, Guid Fac4, Guid Av1, decimal Paid);

    private static async Task<Seeded> SeedDocumentsAsync(LexomApp app)
    {
        var plans = new List<OrderPlan>
        {
            BillingSteps.Past("compta@coteaux.example", clientName: "Coteaux de l'Ardèche SCA"),
            BillingSteps.Past("compta@tanargue.example", participants: 1, clientName: "Brasserie du Tanargue"),
            BillingSteps.Past("compta@vivaraise.example", opco: ("OPCO Atlas", 1000.05m), clientName: "Distillerie Vivaraise"),
        };
        plans.AddRange(Enumerable.Range(0, Late).Select(_ => new OrderPlan("Pagination SARL", "compta@pagination.example",
            new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 14), BillingSteps.PastOrder, 1, Confirmed: false)));
        var orders = await BillingSteps.SeedOrdersAsync(app, plans);
        var (coteaux, tanargue, vivaraise) = (orders[0], orders[1], orders[2]);

        await using var scope = app.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<BillingDesk>();
        var queries = scope.ServiceProvider.GetRequiredService<BillingQueries>();
        var ct = CancellationToken.None;
        async Task Ok(Task<BillingResult> action) => Assert.True((await action).Succeeded);
        async Task<Guid> InvoiceAsync(SeededOrder order, InvoiceKind kind) => (await BillingSteps.OrderAsync(app, order.Id)).Invoices.Single(i => i.Kind == kind).Id;
        async Task PayAsync(SeededOrder order, Guid invoice, decimal amount, string reference, PaymentMethod method)
        {
            var version = (await queries.VersionsAsync(order.Id, ct))[invoice];
            await Ok(desk.RecordPaymentAsync(order.Id, invoice, version, Money.Euros(amount), new DateOnly(2026, 3, 2), method, reference, null, ct));
        }

        foreach (var order in new[] { coteaux, tanargue, vivaraise })
        {
            await Ok(desk.CompleteAsync(order.Id, ct));
            await Ok(desk.IssueFinalInvoiceAsync(order.Id, null, ct)); // FAC-1, FAC-2, FAC-3
        }
        await Ok(desk.IssueOpcoInvoiceAsync(vivaraise.Id, null, ct)); // FAC-4
        var fac1 = await InvoiceAsync(coteaux, InvoiceKind.Final);
        await PayAsync(coteaux, fac1, 998.80m, "VIR COTEAUX 0302", PaymentMethod.Transfer);
        await PayAsync(tanargue, await InvoiceAsync(tanargue, InvoiceKind.Final), 999.60m, "CHQ TANARGUE 1", PaymentMethod.Cheque);
        var fac3 = await InvoiceAsync(vivaraise, InvoiceKind.Final);
        await Ok(desk.CancelInvoiceAsync(vivaraise.Id, fac3, "facture remplacée après accord de l'OPCO", null, ct)); // AV-1

        var coteauxOrder = await BillingSteps.OrderAsync(app, coteaux.Id);
        return new Seeded(coteaux, coteauxOrder.DepositInvoice!.Id, fac1, fac3, await InvoiceAsync(vivaraise, InvoiceKind.Opco),
            await InvoiceAsync(vivaraise, InvoiceKind.CreditNote), 1285.20m + 428.40m + 1285.20m + 998.80m + 999.60m);
    }

    // ------------------------------------------------------------------ reading the page and the CSV

    private sealed record Entry(DateOnly Date, string Journal, string Account, string Label, decimal Debit, decimal Credit, string Piece)
    {
        public static Entry Parse(string line)
        {
            var f = line.Split(';');
            Assert.Equal(7, f.Length);
            return new Entry(DateOnly.ParseExact(f[0], "dd/MM/yyyy", CultureInfo.InvariantCulture), f[1], f[2], f[3],
                decimal.Parse(f[4], CultureInfo.GetCultureInfo("fr-FR")), decimal.Parse(f[5], CultureInfo.GetCultureInfo("fr-FR")), f[6]);
        }
    }

    private static int CountOf(string page)
    {
        var match = CountPattern().Match(page);
        Assert.True(match.Success, "Le nombre de pièces est absent de la page.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Table(string page)
    {
        var start = page.IndexOf("<table", StringComparison.Ordinal);
        return start < 0 ? "" : page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static List<string> Numbers(string page) => NumberPattern().Matches(Table(page)).Select(m => m.Groups[1].Value).ToList();

    private static string Row(string page, Guid invoiceId)
    {
        var at = page.IndexOf($"/gestion/factures/{invoiceId}/pdf\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"La pièce {invoiceId} n'est pas dans le tableau.");
        var start = page.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        return page[start..page.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    /// <summary>The page without the white space between tags.</summary>
    private static string Squeezed(string page) => BetweenTags().Replace(page, "><");

    [GeneratedRegex(@"(\d+) pièces? ·")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"/pdf"">((?:FAC|ACP|AV)-\d{4}-\d{6})</a>")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();
}
