using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Dashboard;

/// <summary>
/// /gestion, the staff's dashboard, over proposals, orders, invoices and payments written straight to the database with the
/// domain's verbs (see <see cref="DashboardSeed"/>); today is Monday 2 March 2026.
/// </summary>
public sealed partial class DashboardTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task M4_C1_deposits_awaiting_count_the_pending_orders_whose_deposit_is_not_fully_paid_and_sum_what_remains()
    {
        await DashboardSeed.SeedOnceAsync(app);
        var page = await HomeAsync();
        // A: nothing paid (428,40 €); B: 100,00 € of 428,40 € paid (328,40 €); C: paid, only its signed documents are missing;
        // W: a private individual's website order, whose deposit cannot be asked before the training contract and its 10 days (P7, LW1).
        Assert.Contains("<li><a href=\"/gestion/commandes?statut=en-attente\"><strong>Acomptes en attente : 3</strong><span>1 185,20 € à recevoir sur les commandes en attente (M4, C1), "
                        + "dont 1 acompte pas encore exigible (rétractation, P7, LW1)</span></a></li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_invoices_to_pay_and_overdue_are_counted_with_what_remains_due_and_link_to_the_invoice_list()
    {
        await DashboardSeed.SeedOnceAsync(app);
        var page = await HomeAsync();
        // B's deposit invoice (328,40 € left, issued 26 February), D's final invoice (999,60 €, 15 January), E's final invoice
        // issued today (499,60 € left): due on receipt, only today's one is not overdue yet. Paid, credited and OPCO invoices are not here.
        Assert.Contains("<a href=\"/gestion/factures?etat=a-payer\"><strong>Factures à payer : 3</strong><span>1 827,60 € restant dû par les clients, échues comprises</span></a>", page, StringComparison.Ordinal);
        Assert.Contains("<li class=\"kpi-alert\"><a href=\"/gestion/factures?etat=echue\"><strong>Factures échues : 2</strong><span>1 328,00 € impayé après l'échéance", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task O3_OPCO_deadlines_within_15_days_and_overdue_are_counted_with_what_the_OPCO_still_owes()
    {
        await DashboardSeed.SeedOnceAsync(app);
        var page = await HomeAsync();
        // H ended 10 February: deadline 10 March (8 days); I ended 20 January: deadline 20 February passed, the OPCO paid
        // 300,00 € of 800,00 €; J's deadline (24 March) is 22 days away; K's OPCO paid in time.
        Assert.Contains("<a href=\"/gestion/opco\"><strong>Échéances OPCO dans les 15 jours : 1</strong><span>800,00 € attendu des OPCO", page, StringComparison.Ordinal);
        Assert.Contains("<li class=\"kpi-alert\"><a href=\"/gestion/opco\"><strong>Échéances OPCO dépassées : 1</strong><span>500,00 € non réglé par les OPCO dans le délai", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task P3_proposals_whose_validity_ends_within_7_days_link_to_the_issued_proposals_of_the_matching_issue_dates()
    {
        await DashboardSeed.SeedOnceAsync(app);
        using var sales = await app.SignedInAsync(Roles.Sales);
        var page = Squeezed(await sales.GetPageAsync("/gestion"));
        // Valid until 3 and 9 March (issued 1 and 7 February); not the one valid until 10 March, nor the one that lapsed on 1 March.
        const string url = "/gestion/propositions?statut=emise&du=2026-01-31&au=2026-02-07";
        Assert.Contains($"<a href=\"{url}\"><strong>Propositions en fin de validité d'ici le 09/03/2026 : 2</strong>", page, StringComparison.Ordinal);
        // The list behind the figure shows those two.
        var list = await sales.GetPageAsync(url);
        Assert.Contains(DashboardSeed.ExpiringNumbers[0], list, StringComparison.Ordinal);
        Assert.Contains(DashboardSeed.ExpiringNumbers[1], list, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(list, "href=\"/gestion/propositions/[0-9a-f-]{36}\""));
    }

    [Fact]
    public async Task C2_the_unconfirmed_orders_near_their_start_are_counted_with_the_orders_list_rule()
    {
        await DashboardSeed.SeedOnceAsync(app);
        var page = await HomeAsync();
        // B starts on 16 March and C on 10 March; A starts on 13 April.
        Assert.Contains("<li class=\"kpi-alert\"><a href=\"/gestion/commandes?statut=a-risque\"><strong>Commandes à confirmer (C2) : 2</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conversion_counts_the_proposals_issued_in_12_months_without_replaced_versions_and_those_accepted()
    {
        await DashboardSeed.SeedOnceAsync(app);
        var page = await HomeAsync();
        // 13 orders (12 from proposals issued since 1 April 2025) and 7 other proposals issued in the window; the version replaced
        // by a new one and the proposal issued on 31 March 2025 are not counted: 12 / 19 = 63,2 %.
        Assert.Contains("Depuis le 1er avril 2025 : <a href=\"/gestion/propositions?du=2025-04-01&au=2026-03-02\">19 propositions émises</a>, "
                        + "<a href=\"/gestion/propositions?statut=acceptee&du=2025-04-01&au=2026-03-02\">12 acceptées et devenues commandes</a>, "
                        + "soit un taux de conversion de <strong>63,2 %</strong>.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revenue_and_cash_per_month_of_the_last_12_months_are_in_the_json_block_of_the_charts_and_in_their_tables()
    {
        await DashboardSeed.SeedOnceAsync(app);
        var page = await HomeAsync();
        var json = Regex.Match(page, "<script type=\"application/json\" id=\"donnees-tableau-de-bord\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(json.Success, "Le bloc JSON des graphiques est absent.");
        using var data = JsonDocument.Parse(json.Groups[1].Value);
        var root = data.RootElement;
        Assert.Equal(
            ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"],
            root.GetProperty("months").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("avr. 2025", root.GetProperty("labels")[0].GetString());
        Assert.Equal("mars 2026", root.GetProperty("labels")[11].GetString());

        // HT by month of issue, credit notes deducted: deposits 357,00, finals 833,00 (166,33 beside an OPCO part), OPCO 666,67.
        decimal[] invoiced = [0, 0, 0, 0, 0, 0, 357.00m, 833.00m, 1071.00m, 3760.67m, 1547.00m, 833.00m];
        // Payments by month of receipt (the one of 31 March 2025 is out of the window).
        decimal[] collected = [0, 0, 0, 0, 0, 0, 428.40m, 999.60m, 1285.20m, 1913.20m, 1828.00m, 500.00m];
        Assert.Equal(invoiced, root.GetProperty("invoicedHt").EnumerateArray().Select(e => e.GetDecimal()));
        Assert.Equal(collected, root.GetProperty("collected").EnumerateArray().Select(e => e.GetDecimal()));

        // The same numbers in the tables that stand for the charts.
        var squeezed = Squeezed(page);
        Assert.Contains("<tr><th scope=\"row\">janvier 2026</th><td class=\"amount\">3 760,67 €</td></tr>", Between(squeezed, "id=\"tableau-facture\""), StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">février 2026</th><td class=\"amount\">1 547,00 €</td></tr>", Between(squeezed, "id=\"tableau-facture\""), StringComparison.Ordinal);
        Assert.Contains("<tfoot><tr><th scope=\"row\">Total</th><td class=\"amount\">8 401,67 €</td></tr></tfoot>", Between(squeezed, "id=\"tableau-facture\""), StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">avril 2025</th><td class=\"amount\">0,00 €</td></tr>", Between(squeezed, "id=\"tableau-encaisse\""), StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">février 2026</th><td class=\"amount\">1 828,00 €</td></tr>", Between(squeezed, "id=\"tableau-encaisse\""), StringComparison.Ordinal);
        Assert.Contains("<tfoot><tr><th scope=\"row\">Total</th><td class=\"amount\">6 954,40 €</td></tr></tfoot>", Between(squeezed, "id=\"tableau-encaisse\""), StringComparison.Ordinal);
        Assert.Contains("8 401,67 € sur 12 mois", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charts_are_drawn_by_same_origin_scripts_allowed_by_the_csp_with_an_accessible_alternative()
    {
        await DashboardSeed.SeedOnceAsync(app);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var response = await sales.GetAsync("/gestion");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await TestClient.BodyAsync(response);
        var scripts = Regex.Matches(page, "<script src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.StartsWith("/lib/chart.js/chart.umd.min.js?v=", scripts[0], StringComparison.Ordinal);
        Assert.StartsWith("/js/dashboard.js?v=", scripts[1], StringComparison.Ordinal);
        // No inline script: every <script> either has a src or is the JSON data block.
        Assert.Equal(3, Regex.Count(page, "<script"));
        foreach (var src in scripts)
        {
            using var file = await sales.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("text/javascript", file.Content.Headers.ContentType!.MediaType);
        }
        using (var license = await sales.GetAsync("/lib/chart.js/LICENSE.md"))
            Assert.Equal(HttpStatusCode.OK, license.StatusCode);

        foreach (var (canvas, table) in new[] { ("graphique-facture", "tableau-facture"), ("graphique-encaisse", "tableau-encaisse") })
        {
            Assert.Matches($"<canvas id=\"{canvas}\" data-series=\"[a-zA-Z]+\" data-label=\"[^\"]+\" data-color=\"--[a-z]+\" role=\"img\"\\s+aria-label=\"[^\"]+le tableau qui suit.\">", page);
            var after = page[page.IndexOf($"id=\"{canvas}\"", StringComparison.Ordinal)..];
            var details = after.IndexOf("<details class=\"chart-details\">", StringComparison.Ordinal);
            Assert.InRange(details, 0, after.IndexOf($"id=\"{table}\"", StringComparison.Ordinal));
            Assert.Contains("<caption>", Between(page, $"id=\"{table}\""), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_staff_tools_stay_on_the_page()
    {
        await DashboardSeed.SeedOnceAsync(app);
        using var admin = await app.SignedInAsync(Roles.Admin);
        var page = await admin.GetPageAsync("/gestion");
        foreach (var tool in new[] { "/gestion/demandes", "/gestion/propositions", "/gestion/commandes", "/gestion/catalogue", "/gestion/catalogue/domaines", "/gestion/emails", "/formations" })
            Assert.Contains($"<li><a href=\"{tool}\"><strong>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Acomptes en attente : 3</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_for_sales_and_admins_a_client_is_refused_and_a_visitor_sent_to_the_login()
    {
        using var anonymous = app.NewClient();
        using (var r = await anonymous.GetAsync("/gestion"))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/compte/connexion", Path(r.Headers.Location!), StringComparison.Ordinal);
        }
        using var client = await app.SignedInAsync(Roles.Client);
        using (var r = await client.GetAsync("/gestion"))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", Path(r.Headers.Location!), StringComparison.Ordinal);
        }
        using var sales = await app.SignedInAsync(Roles.Sales);
        Assert.Contains("<h2 id=\"a-suivre\">À suivre</h2>", await sales.GetPageAsync("/gestion"), StringComparison.Ordinal);
    }

    private static string Path(Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    private async Task<string> HomeAsync()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        return Squeezed(await sales.GetPageAsync("/gestion"));
    }

    /// <summary>The markup from <paramref name="marker"/> to the end of its table.</summary>
    internal static string Between(string page, string marker)
    {
        var start = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{marker} est absent de la page.");
        return page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    /// <summary>The markup without the white space between tags.</summary>
    internal static string Squeezed(string html) => BetweenTags().Replace(html, "><");

    [GeneratedRegex(">\\s+<")]
    private static partial Regex BetweenTags();
}

/// <summary>The same data nine days later, on Wednesday 11 March 2026: the figures follow the clock (its own fixture: the clock only moves forward).</summary>
public sealed class LaterDashboardTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task Nine_days_later_deadlines_and_due_dates_have_moved_and_nothing_was_cached()
    {
        await DashboardSeed.SeedOnceAsync(app);
        using (var before = await app.SignedInAsync(Roles.Sales))
            Assert.Contains("<strong>Factures échues : 2</strong>", DashboardTests.Squeezed(await before.GetPageAsync("/gestion")), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(9));
        using var sales = await app.SignedInAsync(Roles.Sales); // the sign-in of nine days ago has expired
        var page = DashboardTests.Squeezed(await sales.GetPageAsync("/gestion"));
        // E's final invoice (due 2 March) is now overdue too.
        Assert.Contains("<strong>Factures échues : 3</strong><span>1 827,60 € impayé", page, StringComparison.Ordinal);
        // H's deadline (10 March) has passed; J's (24 March) is now within 15 days.
        Assert.Contains("<strong>Échéances OPCO dans les 15 jours : 1</strong><span>800,00 € attendu", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Échéances OPCO dépassées : 2</strong><span>1 300,00 € non réglé", page, StringComparison.Ordinal);
        // The proposals valid until 3, 9 and 10 March have lapsed; the window of the link moved with today.
        Assert.Contains("<a href=\"/gestion/propositions?statut=emise&du=2026-02-09&au=2026-02-16\"><strong>Propositions en fin de validité d'ici le 18/03/2026 : 0</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Commandes à confirmer (C2) : 2</strong>", page, StringComparison.Ordinal);
    }
}

/// <summary>
/// The dashboard's data, written once per fixture with the domain's verbs. One company client, RCL-RCL-02 at 1 428,00 € TTC
/// (1 190,00 € HT), deposit 428,40 € TTC (357,00 € HT), balance 999,60 € (833,00 € HT). Today is 2 March 2026.
/// <list type="bullet">
/// <item>A: ordered 20 February, starts 13 April, no deposit.</item>
/// <item>B: ordered 25 February, starts 16 March (C2), 100,00 € of its deposit paid.</item>
/// <item>C: ordered 16 February, starts 10 March (C2), deposit paid, signed documents missing.</item>
/// <item>D: ended 13 January, final invoice of 15 January unpaid.</item>
/// <item>E: ended 24 February, final invoice issued today, 500,00 € paid today.</item>
/// <item>F: ended 4 November 2025, all paid.</item>
/// <item>G: ended 3 February, final invoice of 4 February cancelled by a credit note on 5 February.</item>
/// <item>H, I, J, K: OPCO with subrogation (800,00 €), ended 10 February, 20 January, 24 February, 27 January;
/// I's OPCO paid 300,00 € in time, K's paid 800,00 € in time.</item>
/// <item>W: a private individual's order on the website on 25 February, starts 4 May, no training contract signed yet.</item>
/// <item>Old: ordered 3 February 2025, deposit paid 31 March 2025 (before the window).</item>
/// <item>Proposals without order: issued 1 and 7 February (valid until 3 and 9 March), 8 February, 30 January (lapsed on
/// 1 March), 10 February (declined), 1 April 2025 and 31 March 2025 (declined), and one issued 1 December 2025, replaced by a
/// version issued 5 January 2026.</item>
/// </list>
/// </summary>
internal static class DashboardSeed
{
    private static readonly ConditionalWeakTable<LexomApp, Task> Seeds = [];

    /// <summary>The numbers of the two proposals whose validity ends within 7 days of 2 March.</summary>
    public static readonly string[] ExpiringNumbers = ["DEV-2026-000901", "DEV-2026-000902"];

    public static Task SeedOnceAsync(LexomApp app) => Seeds.GetValue(app, SeedAsync);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task SeedAsync(LexomApp app)
    {
        var drafts = new Queue<Guid>(await ProposalSteps.SeedDraftsAsync(app, 20, "73282932000074", "Coteaux de l'Ardèche SCA"));
        await using var db = app.OpenDb();
        var ct = CancellationToken.None;
        var vatRates = await VatRates.TableAsync(db, ct);
        var counters = new Dictionary<DocumentKind, int>();
        DocumentNumber Next(DocumentKind kind, DateOnly on)
        {
            counters[kind] = counters.GetValueOrDefault(kind) + 1;
            return DocumentNumber.Create(kind, on.Year, counters[kind]);
        }
        var references = 0;
        string Reference() => $"VIR-TDB-{++references}";

        async Task<Proposal> IssueAsync(DateOnly issuedOn, DateOnly? startsOn = null, int? number = null)
        {
            var proposal = (await ProposalDrafts.LoadAsync(db, drafts.Dequeue(), ct))!;
            if (startsOn is { } start)
            {
                proposal.ClearSessions();
                proposal.AddSession(start, start.AddDays(1));
            }
            proposal.Issue(issuedOn, "CGV LEXOM 2026-01", vatRates,
                number is { } n ? DocumentNumber.Create(DocumentKind.Proposal, 2026, n) : Next(DocumentKind.Proposal, issuedOn));
            return proposal;
        }

        async Task<Order> OrderAsync(DateOnly orderedOn, DateOnly startsOn)
        {
            var proposal = await IssueAsync(orderedOn, startsOn);
            proposal.Accept(orderedOn);
            var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, orderedOn);
            db.Orders.Add(order);
            db.Entry(order).Property<string>(OrderConfiguration.CourseReference).CurrentValue = proposal.Course.Reference;
            for (var i = 0; i < order.Participants.Count; i++)
                db.Entry(order.Participants[i]).Property<int>(ProposalConfiguration.Position).CurrentValue = i;
            return order;
        }

        void Deposit(Order order, decimal amount, DateOnly receivedOn) =>
            order.RecordDeposit(Guid.NewGuid(), Next(DocumentKind.DepositInvoice, order.OrderedOn), order.OrderedOn, Guid.NewGuid(),
                Money.Euros(amount), receivedOn, Reference(), PaymentMethod.Transfer);

        void Confirm(Order order, DateOnly depositOn)
        {
            foreach (var kind in order.RequiredDocuments) order.RecordSignedDocument(kind, order.OrderedOn, "scan signé");
            Deposit(order, order.DepositAmount.Amount, depositOn);
            Assert.Equal(OrderStatus.Confirmed, order.Status);
        }

        Invoice Final(Order order, DateOnly issuedOn) => order.IssueFinalInvoice(Guid.NewGuid(), Next(DocumentKind.Invoice, issuedOn), issuedOn);

        void Pay(Order order, Invoice invoice, decimal amount, DateOnly receivedOn) =>
            order.RecordPayment(invoice.Id, Guid.NewGuid(), Money.Euros(amount), receivedOn, Reference());

        async Task<(Order Order, Invoice Opco)> OpcoAsync(DateOnly orderedOn, DateOnly startsOn, bool billOpco = true)
        {
            var order = await OrderAsync(orderedOn, startsOn);
            order.RecordOpcoFunding(new OpcoFunding("OPCO Atlas", $"ACC-{orderedOn:yyyyMMdd}", Money.Euros(800m), "accord.pdf", orderedOn.AddDays(1), Subrogation: true));
            Confirm(order, orderedOn.AddDays(2));
            order.Complete(order.EndsOn);
            return (order, billOpco ? order.IssueOpcoInvoice(Guid.NewGuid(), Next(DocumentKind.Invoice, order.EndsOn.AddDays(1)), order.EndsOn.AddDays(1)) : null!);
        }

        // A, B, C: pending.
        await OrderAsync(D(2026, 2, 20), D(2026, 4, 13));
        var b = await OrderAsync(D(2026, 2, 25), D(2026, 3, 16));
        b.RecordDeposit(Guid.NewGuid(), Next(DocumentKind.DepositInvoice, D(2026, 2, 26)), D(2026, 2, 26), Guid.NewGuid(), Money.Euros(100m), D(2026, 2, 27), Reference(), PaymentMethod.Transfer);
        var c = await OrderAsync(D(2026, 2, 16), D(2026, 3, 10));
        Deposit(c, 428.40m, D(2026, 2, 18));
        Assert.Equal(OrderStatus.PendingSignatureAndDeposit, c.Status);

        // D: final invoice unpaid since 15 January.
        var d = await OrderAsync(D(2025, 12, 1), D(2026, 1, 12));
        Confirm(d, D(2025, 12, 5));
        d.Complete(d.EndsOn);
        Final(d, D(2026, 1, 15));

        // E: final invoice issued today, partly paid today.
        var e = await OrderAsync(D(2026, 1, 20), D(2026, 2, 23));
        Confirm(e, D(2026, 1, 22));
        e.Complete(D(2026, 3, 2));
        Pay(e, Final(e, D(2026, 3, 2)), 500m, D(2026, 3, 2));

        // F: all paid.
        var f = await OrderAsync(D(2025, 10, 6), D(2025, 11, 3));
        Confirm(f, D(2025, 10, 8));
        f.Complete(f.EndsOn);
        Pay(f, Final(f, D(2025, 11, 5)), 999.60m, D(2025, 11, 20));

        // G: final invoice cancelled by a credit note.
        var g = await OrderAsync(D(2026, 1, 5), D(2026, 2, 2));
        Confirm(g, D(2026, 1, 7));
        g.Complete(g.EndsOn);
        var gFinal = Final(g, D(2026, 2, 4));
        g.CancelInvoice(gFinal.Id, Guid.NewGuid(), Next(DocumentKind.CreditNote, D(2026, 2, 5)), D(2026, 2, 5), "erreur de facturation");

        // H: OPCO deadline 10 March; the client paid its balance.
        var (h, _) = await OpcoAsync(D(2026, 1, 5), D(2026, 2, 9));
        Pay(h, Final(h, D(2026, 2, 11)), 199.60m, D(2026, 2, 20));

        // I: OPCO deadline 20 February passed, 300,00 € paid by the OPCO on 10 February.
        var (i, iOpco) = await OpcoAsync(D(2025, 12, 15), D(2026, 1, 19));
        Pay(i, Final(i, D(2026, 1, 21)), 199.60m, D(2026, 1, 25));
        Pay(i, iOpco, 300m, D(2026, 2, 10));

        // J: OPCO deadline 24 March, not billed yet.
        await OpcoAsync(D(2026, 1, 12), D(2026, 2, 23), billOpco: false);

        // K: the OPCO paid its whole part in time.
        var (k, kOpco) = await OpcoAsync(D(2025, 12, 20), D(2026, 1, 26));
        Pay(k, kOpco, 800m, D(2026, 2, 15));

        // W: a private individual's website order: no payment may be asked yet (P7, LW1).
        var person = Client.Individual(Guid.NewGuid(), "Léa Martin", "lea.martin@exemple.test", null,
            new PostalAddress("3 place de la Paix", null, "07200", "Aubenas"), app.Clock.GetUtcNow());
        db.Clients.Add(person);
        var course = await db.Courses.AsNoTracking().SingleAsync(x => x.Reference == "RCL-RCL-02", ct);
        var individual = Proposal.Draft(Guid.NewGuid(), PayerKind.PrivateIndividual, SalesChannel.Website, TrainingKind.Inter, ProposalDrafts.Snapshot(course),
            Percentage.Of(30m), D(2026, 2, 25), person.Id);
        individual.AddParticipant(Guid.NewGuid(), "Léa Martin");
        individual.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", 1, Money.Euros(1190m));
        individual.AddSession(D(2026, 5, 4), D(2026, 5, 5));
        individual.SetPlace("LEXOM, Aubenas");
        individual.SetBillingAddress(person.BillingAddress.ToString());
        db.Proposals.Add(individual);
        db.Entry(individual).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
        ProposalDrafts.KeepOrder(db, individual);
        individual.Issue(D(2026, 2, 25), "CGV LEXOM 2026-01", vatRates, Next(DocumentKind.Proposal, D(2026, 2, 25)));
        individual.Accept(D(2026, 2, 25));
        var w = Order.FromAcceptedProposal(Guid.NewGuid(), individual, D(2026, 2, 25), SalesChannel.Website);
        db.Orders.Add(w);
        db.Entry(w).Property<string>(OrderConfiguration.CourseReference).CurrentValue = course.Reference;
        db.Entry(w.Participants[0]).Property<int>(ProposalConfiguration.Position).CurrentValue = 0;
        Assert.False(w.Withdrawal().MayAskPaymentOn(D(2026, 3, 2)));

        // Old: before the window.
        var old = await OrderAsync(D(2025, 2, 3), D(2025, 4, 7));
        Confirm(old, D(2025, 3, 31));

        // Proposals without an order.
        await IssueAsync(D(2026, 2, 1), number: 901);
        await IssueAsync(D(2026, 2, 7), number: 902);
        await IssueAsync(D(2026, 2, 8));
        await IssueAsync(D(2026, 1, 30));
        (await IssueAsync(D(2026, 2, 10))).Decline(D(2026, 2, 12));
        await IssueAsync(D(2025, 4, 1));
        (await IssueAsync(D(2025, 3, 31))).Decline(D(2025, 4, 15));
        var replaced = await IssueAsync(D(2025, 12, 1));
        var version = replaced.Reissue(Guid.NewGuid(), D(2026, 1, 5));
        db.Proposals.Add(version);
        db.Entry(version).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = replaced.Course.Reference;
        ProposalDrafts.KeepOrder(db, version);
        version.Issue(D(2026, 1, 5), "CGV LEXOM 2026-01", vatRates);

        await db.SaveChangesAsync(ct);
        Assert.Empty(drafts);
    }
}
