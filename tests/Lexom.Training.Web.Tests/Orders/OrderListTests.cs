using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Orders;

/// <summary>
/// /gestion/commandes: the staff's list of orders (filters, paging, CSV) and the unconfirmed orders close to their
/// start (C2), over 32 orders written straight to the database on Monday 2 March 2026.
/// </summary>
public sealed partial class OrderListTests(LexomApp app) : IClassFixture<LexomApp>
{
    private const int OrderCount = 32;

    /// <summary>The orders of the class, seeded once per fixture (the tests only read them, except one that moves the clock and puts it back).</summary>
    private static readonly ConditionalWeakTable<LexomApp, Task<Seeded>> Seeds = [];

    private Task<Seeded> SeedAsync() => SeedOnceAsync(app);

    /// <summary>The orders below, once per fixture.</summary>
    internal static Task<Seeded> SeedOnceAsync(LexomApp app) => Seeds.GetValue(app, SeedOrdersAsync);

    [Fact]
    public async Task The_list_shows_each_order_with_its_status_client_course_dates_price_deposit_and_sales_person()
    {
        var s = await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var page = await sales.GetPageAsync("/gestion/commandes");
        Assert.Equal(OrderCount, CountOf(page));
        Assert.Contains("<div class=\"table-scroll\">", page, StringComparison.Ordinal);
        Assert.Contains("<caption class=\"visually-hidden\">Commandes, page 1 sur 2</caption>", Table(page), StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Commercial</th>", Table(page), StringComparison.Ordinal);
        // The newest orders first: the last one seeded opens page 1, the one ordered on 10 February closes page 2.
        var first = Numbers(page);
        Assert.Equal(25, first.Count);
        Assert.Equal(s.Last.Number, first[0]);
        Assert.DoesNotContain(s.Started.Number, first);
        Assert.Equal(s.Started.Number, Numbers(await sales.GetPageAsync("/gestion/commandes?page=2"))[^1]);

        var table = Table(await sales.GetPageAsync("/gestion/commandes?client=coteaux"));
        var confirmed = Row(table, s.Confirmed);
        Assert.Contains($"href=\"/gestion/commandes/{s.Confirmed.Id}\"", confirmed, StringComparison.Ordinal);
        foreach (var expected in new[]
                 {
                     "Confirmée", "Coteaux de l'Ardèche SCA", "RCL-RCL-02<br>CRM - fondamentaux et enjeux",
                     "<td>02/03/2026</td><td>10/03/2026</td><td>1 428,00 €</td><td>428,40 €</td><td>02/03/2026</td>", s.Julie.Name,
                 })
        {
            Assert.Contains(expected, Squeezed(confirmed), StringComparison.Ordinal);
        }
        var pending = Squeezed(Row(table, s.SoonPending));
        Assert.Contains("En attente", pending, StringComparison.Ordinal);
        Assert.Contains("<td>16/03/2026</td><td>4 284,00 €</td><td>1 285,20 €</td><td>—</td>", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filters_by_status_client_course_sales_person_and_search_narrow_the_list()
    {
        var s = await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);

        var confirmed = await sales.GetPageAsync("/gestion/commandes?statut=confirmee");
        Assert.Equal(1, CountOf(confirmed));
        Assert.Contains(s.Confirmed.Number, Table(confirmed), StringComparison.Ordinal);
        Assert.Contains("<option value=\"confirmee\" selected=\"selected\">Confirmée</option>", confirmed, StringComparison.Ordinal);
        Assert.Equal(OrderCount - 1, CountOf(await sales.GetPageAsync("/gestion/commandes?statut=en-attente")));
        Assert.Equal(0, CountOf(await sales.GetPageAsync("/gestion/commandes?statut=annulee")));

        var tanargue = await sales.GetPageAsync("/gestion/commandes?client=TANARGUE");
        Assert.Equal(2, CountOf(tanargue));
        Assert.Contains(s.InThreeWeeks.Number, Table(tanargue), StringComparison.Ordinal);
        Assert.Contains(s.InThreeWeeksAndADay.Number, Table(tanargue), StringComparison.Ordinal);
        Assert.Equal(3, CountOf(await sales.GetPageAsync("/gestion/commandes?client=ard%C3%A8che")));
        Assert.Equal(0, CountOf(await sales.GetPageAsync("/gestion/commandes?client=%25%25")));

        var course = await sales.GetPageAsync("/gestion/commandes?formation=mgt-eqp");
        Assert.Equal(1, CountOf(course));
        Assert.Contains("MGT-EQP-01<br>Manager une équipe", Table(course), StringComparison.Ordinal);
        Assert.Equal(OrderCount - 1, CountOf(await sales.GetPageAsync("/gestion/commandes?formation=RCL-RCL-02")));

        // The sales person is the one who prepared the proposal; the choice lists those who have orders.
        var julie = await sales.GetPageAsync($"/gestion/commandes?commercial={s.Julie.Id}");
        Assert.Equal(2, CountOf(julie));
        Assert.Contains($"<option value=\"{s.Julie.Id}\" selected=\"selected\">{s.Julie.Name}</option>", julie, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{s.Marc.Id}\">{s.Marc.Name}</option>", julie, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(await sales.GetPageAsync($"/gestion/commandes?commercial={s.Marc.Id}")));
        Assert.Equal(1, CountOf(await sales.GetPageAsync($"/gestion/commandes?commercial={s.Marc.Id}&client=vivaraise")));

        // One search box: the client's name, the course reference or the proposal number.
        var byNumber = await sales.GetPageAsync($"/gestion/commandes?q={s.Confirmed.Number.ToLowerInvariant()}");
        Assert.Equal(1, CountOf(byNumber));
        Assert.Contains(s.Confirmed.Number, Table(byNumber), StringComparison.Ordinal);
        Assert.Equal(2, CountOf(await sales.GetPageAsync("/gestion/commandes?q=brasserie")));
        Assert.Equal(1, CountOf(await sales.GetPageAsync("/gestion/commandes?q=MGT-EQP-01")));
        Assert.Equal(0, CountOf(await sales.GetPageAsync("/gestion/commandes?q=introuvable")));
    }

    [Fact]
    public async Task The_date_filters_apply_to_the_first_day_of_the_training()
    {
        var s = await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var march = await sales.GetPageAsync("/gestion/commandes?du=2026-03-16&au=2026-03-23");
        Assert.Contains("<label for=\"du\">Début du</label>", march, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-16\"", march, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(march));
        Assert.Contains(s.SoonPending.Number, Table(march), StringComparison.Ordinal);
        Assert.Contains(s.InThreeWeeks.Number, Table(march), StringComparison.Ordinal);
        Assert.Equal(1, CountOf(await sales.GetPageAsync("/gestion/commandes?au=2026-03-01")));
        Assert.Equal(27, CountOf(await sales.GetPageAsync("/gestion/commandes?du=2026-04-13")));
        // Ordered on 2 March, but none starts that day.
        Assert.Equal(0, CountOf(await sales.GetPageAsync("/gestion/commandes?du=2026-03-02&au=2026-03-02")));
    }

    [Fact]
    public async Task Twenty_five_orders_a_page_and_the_pager_keeps_the_filter()
    {
        await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var first = await sales.GetPageAsync("/gestion/commandes?statut=en-attente");
        Assert.Equal(25, RowCount(first));
        Assert.Contains("Page 1 sur 2", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/gestion/commandes?statut=en-attente&page=2\"", first, StringComparison.Ordinal);
        var second = await sales.GetPageAsync("/gestion/commandes?statut=en-attente&page=2");
        Assert.Equal(OrderCount - 1 - 25, RowCount(second));
        Assert.Contains("href=\"/gestion/commandes?statut=en-attente\">Page précédente", second, StringComparison.Ordinal);
        // Past the last page: the last page.
        Assert.Contains("Page 2 sur 2", await sales.GetPageAsync("/gestion/commandes?page=99"), StringComparison.Ordinal);
        Assert.Equal(3, RowCount(await sales.GetPageAsync("/gestion/commandes?client=coteaux&page=5")));
    }

    [Fact]
    public async Task The_CSV_export_has_the_same_filter_semicolons_utf8_with_bom_french_decimals_and_dates()
    {
        var s = await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        Assert.Contains("href=\"/gestion/commandes/export.csv?client=coteaux\"", await sales.GetPageAsync("/gestion/commandes?client=coteaux"), StringComparison.Ordinal);
        using var response = await sales.GetAsync("/gestion/commandes/export.csv?client=coteaux");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("commandes.csv", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Numéro;État;Client;Formation;Intitulé;Commandée le;Début;Prix TTC;Acompte;Confirmée le;Commercial", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains($"{s.Confirmed.Number};Confirmée;Coteaux de l'Ardèche SCA;RCL-RCL-02;CRM - fondamentaux et enjeux;02/03/2026;10/03/2026;1428,00;428,40;02/03/2026;{s.Julie.Name}", lines);
        Assert.Contains($"{s.SoonPending.Number};En attente;Coteaux de l'Ardèche SCA;RCL-RCL-02;CRM - fondamentaux et enjeux;02/03/2026;16/03/2026;4284,00;1285,20;;{s.Julie.Name}", lines);

        using var all = await sales.GetAsync("/gestion/commandes/export.csv");
        Assert.Equal(OrderCount + 1, Encoding.UTF8.GetString(await all.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("Rappels SA", "Rappels SA")]
    [InlineData("Dupont; fils", "\"Dupont; fils\"")]
    [InlineData("Le \"Chai\"", "\"Le \"\"Chai\"\"\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+33 4 75", "'+33 4 75")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("", "")]
    public void A_csv_field_is_quoted_when_it_holds_a_separator_or_a_quote_and_never_starts_a_formula(string value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public async Task C2_unconfirmed_orders_starting_within_21_days_or_already_started_are_listed_with_what_is_missing()
    {
        var s = await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var page = await sales.GetPageAsync("/gestion/commandes");
        var section = Section(page);
        Assert.Contains("À confirmer avant le début (C2)", section, StringComparison.Ordinal);
        Assert.Contains("3 commandes en attente", section, StringComparison.Ordinal);
        var soon = Item(section, s.SoonPending);
        Assert.Contains("début le 16/03/2026 (dans 14 jours)", soon, StringComparison.Ordinal);
        Assert.Contains("Manque : la proposition signée « BON POUR ACCORD », les CGV paraphées et signées, l'acompte de 1 285,20 €.", soon, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/commandes/{s.SoonPending.Id}\"", soon, StringComparison.Ordinal);
        Assert.Contains("début le 23/03/2026 (dans 21 jours)", Item(section, s.InThreeWeeks), StringComparison.Ordinal);
        var started = Item(section, s.Started);
        Assert.Contains("formation commencée le 23/02/2026 (il y a 7 jours)", started, StringComparison.Ordinal);
        Assert.Contains("l'acompte de 428,40 €", started, StringComparison.Ordinal);
        // Soonest first.
        Assert.True(section.IndexOf(s.Started.Number, StringComparison.Ordinal) < section.IndexOf(s.SoonPending.Number, StringComparison.Ordinal));
        foreach (var notListed in new[] { s.Confirmed, s.InTwoMonths, s.InThreeWeeksAndADay })
            Assert.DoesNotContain(notListed.Number, section, StringComparison.Ordinal);

        // The same orders as a filter of the list.
        var filtered = await sales.GetPageAsync("/gestion/commandes?statut=a-risque");
        Assert.Equal(3, CountOf(filtered));
        Assert.Contains("<option value=\"a-risque\" selected=\"selected\">À confirmer avant le début (C2)</option>", filtered, StringComparison.Ordinal);
        foreach (var listed in new[] { s.SoonPending, s.InThreeWeeks, s.Started })
            Assert.Contains(listed.Number, Table(filtered), StringComparison.Ordinal);
        using var csv = await sales.GetAsync("/gestion/commandes/export.csv?statut=a-risque");
        Assert.Equal(4, Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task C2_the_staff_home_counts_the_orders_to_confirm_and_links_to_them()
    {
        await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var home = await sales.GetPageAsync("/gestion");
        Assert.Contains("<a href=\"/gestion/commandes\"><strong>Commandes</strong>", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/gestion/commandes?statut=a-risque\"><strong>Commandes à confirmer (C2) : 3</strong>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_and_its_export_are_for_the_staff_only()
    {
        await SeedAsync();
        using var anonymous = app.NewClient();
        using var client = await app.SignedInAsync(Roles.Client);
        foreach (var url in new[] { "/gestion/commandes", "/gestion/commandes/export.csv", "/gestion/commandes?statut=a-risque" })
        {
            foreach (var (who, expected) in new[] { (anonymous, "/compte/connexion"), (client, "/compte/acces-refuse") })
            {
                using var r = await who.GetAsync(url);
                Assert.True(r.StatusCode == HttpStatusCode.Redirect && PathAndQuery(r.Headers.Location!).StartsWith(expected, StringComparison.Ordinal),
                    $"GET {url}: {(int)r.StatusCode} {r.Headers.Location}");
            }
        }
        using var admin = await app.SignedInAsync(Roles.Admin);
        Assert.Equal(OrderCount, CountOf(await admin.GetPageAsync("/gestion/commandes")));
    }

    [Theory]
    [InlineData("du=abc")]
    [InlineData("au=2026-13-45")]
    [InlineData("page=-3")]
    [InlineData("page=abc")]
    [InlineData("statut=xyz")]
    [InlineData("commercial=quelqu-un")]
    [InlineData("du=2026-04-01&au=2026-03-01")]
    [InlineData("q=%25_%5C")]
    public async Task A_filter_value_that_does_not_parse_is_ignored_not_an_error(string query)
    {
        await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var page = await sales.GetPageAsync("/gestion/commandes?" + query);
        Assert.Contains("<h1>Commandes</h1>", page, StringComparison.Ordinal);
        using var csv = await sales.GetAsync("/gestion/commandes/export.csv?" + query);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    // ------------------------------------------------------------------ the seeded orders

    internal sealed record Seeded(
        SeededOrder SoonPending, SeededOrder Confirmed, SeededOrder InTwoMonths, SeededOrder InThreeWeeks, SeededOrder InThreeWeeksAndADay,
        SeededOrder Started, SeededOrder Last, (Guid Id, string Name) Julie, (Guid Id, string Name) Marc);

    internal sealed record SeededOrder(Guid Id, string Number);

    /// <summary>How one seeded draft becomes an order.</summary>
    private sealed record Plan(
        Guid DraftId, Guid? SalesPerson, DateOnly? StartsOn = null, int Participants = 1, bool Confirm = false,
        DateOnly? OrderedOn = null, CourseSnapshot? Course = null);

    /// <summary>
    /// Today is 2 March 2026. Coteaux de l'Ardèche: 3 participants pending from 16 March (C2), one confirmed from 10 March,
    /// one of another course pending from 4 May; Brasserie du Tanargue: pending from 23 March (21 days: C2) and from 24 March
    /// (22 days); Distillerie Vivaraise: ordered 10 February, pending, started 23 February (C2); Rappels SA: 26 pending
    /// from 13 April, without a sales person.
    /// </summary>
    private static async Task<Seeded> SeedOrdersAsync(LexomApp app)
    {
        var julie = await SalesPersonAsync(app, "julie.vendeuse@lexom.test");
        var marc = await SalesPersonAsync(app, "marc.commercial@lexom.test");
        var coteaux = await ProposalSteps.SeedDraftsAsync(app, 3, "73282932000074", "Coteaux de l'Ardèche SCA");
        var tanargue = await ProposalSteps.SeedDraftsAsync(app, 2, "44306184100047", "Brasserie du Tanargue");
        var vivaraise = await ProposalSteps.SeedDraftsAsync(app, 1, "55208131766522", "Distillerie Vivaraise");
        var rappels = await ProposalSteps.SeedDraftsAsync(app, 26, "38347481400100", "Rappels SA");

        await using var db = app.OpenDb();
        var course = await db.Proposals.Where(p => p.Id == coteaux[0]).Select(p => p.Course).SingleAsync();
        var plans = new List<Plan>
        {
            new(coteaux[0], julie.Id, new DateOnly(2026, 3, 16), Participants: 3),
            new(coteaux[1], julie.Id, new DateOnly(2026, 3, 10), Confirm: true),
            new(coteaux[2], marc.Id, new DateOnly(2026, 5, 4), Course: course with { Reference = "MGT-EQP-01", Title = "Manager une équipe" }),
            new(tanargue[0], marc.Id, new DateOnly(2026, 3, 23)),
            new(tanargue[1], marc.Id, new DateOnly(2026, 3, 24)),
            new(vivaraise[0], marc.Id, new DateOnly(2026, 2, 23), OrderedOn: new DateOnly(2026, 2, 10)),
        };
        plans.AddRange(rappels.Select(id => new Plan(id, null)));

        var vatRates = await VatRates.TableAsync(db, CancellationToken.None);
        var orders = new List<SeededOrder>();
        for (var k = 1; k <= plans.Count; k++)
        {
            var plan = plans[k - 1];
            var proposal = (await ProposalDrafts.LoadAsync(db, plan.DraftId, CancellationToken.None))!;
            if (plan.StartsOn is { } start)
            {
                proposal.ClearSessions();
                proposal.AddSession(start, start.AddDays(1));
            }
            if (plan.Participants > 1)
            {
                for (var i = 1; i < plan.Participants; i++) proposal.AddParticipant(Guid.NewGuid(), $"Participant {i + 1}");
                proposal.RemoveLine(proposal.Lines[0].Id);
                proposal.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", plan.Participants, Money.Euros(1190m));
            }
            if (plan.Course is { } other)
            {
                proposal.ChangeCourse(other);
                db.Entry(proposal).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = other.Reference;
            }
            ProposalDrafts.KeepOrder(db, proposal);
            db.Entry(proposal).Property<Guid?>(ProposalConfiguration.CreatedBy).CurrentValue = plan.SalesPerson;

            var orderedOn = plan.OrderedOn ?? app.Clock.Today();
            proposal.Issue(orderedOn, "CGV LEXOM 2026-01", vatRates, DocumentNumber.Create(DocumentKind.Proposal, 2026, k));
            proposal.Accept(orderedOn);
            var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, orderedOn);
            if (plan.Confirm)
            {
                foreach (var kind in order.RequiredDocuments) order.RecordSignedDocument(kind, orderedOn, "x");
                order.RecordDeposit(Guid.NewGuid(), DocumentNumber.Create(DocumentKind.DepositInvoice, 2026, k), orderedOn, Guid.NewGuid(),
                    order.DepositAmount, orderedOn, $"VIR-{k}", PaymentMethod.Transfer);
                Assert.Equal(OrderStatus.Confirmed, order.Status);
            }
            db.Orders.Add(order);
            db.Entry(order).Property<string>(OrderConfiguration.CourseReference).CurrentValue = proposal.Course.Reference;
            for (var i = 0; i < order.Participants.Count; i++)
                db.Entry(order.Participants[i]).Property<int>(ProposalConfiguration.Position).CurrentValue = i;
            orders.Add(new SeededOrder(order.Id, proposal.Number!.ToString()));
        }
        await db.SaveChangesAsync();
        return new Seeded(orders[0], orders[1], orders[2], orders[3], orders[4], orders[5], orders[^1], julie, marc);
    }

    private static async Task<(Guid Id, string Name)> SalesPersonAsync(LexomApp app, string email)
    {
        await app.CreateUserAsync(Roles.Sales, email);
        await using var db = app.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return (user.Id, user.DisplayName);
    }

    // ------------------------------------------------------------------ reading the page

    /// <summary>The number of « N commande(s) » above the table.</summary>
    internal static int CountOf(string page)
    {
        var match = CountPattern().Match(page);
        Assert.True(match.Success, "Le nombre de commandes est absent de la page.");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The table of the list (empty when it has no row): the C2 section above it also names orders.</summary>
    private static string Table(string page)
    {
        var start = page.IndexOf("<table", StringComparison.Ordinal);
        return start < 0 ? "" : page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    /// <summary>The proposal numbers of the table's rows, in their order.</summary>
    private static List<string> Numbers(string page) =>
        NumberPattern().Matches(Table(page)).Select(m => m.Groups[1].Value).ToList();

    private static int RowCount(string page) => Table(page).Split("<tr>").Length - 2; // minus the text before the header row and the header

    private static string Row(string table, SeededOrder order)
    {
        var at = table.IndexOf($"/gestion/commandes/{order.Id}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"La commande {order.Number} n'est pas dans le tableau.");
        var start = table.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        return table[start..table.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    /// <summary>The C2 section « À confirmer avant le début ».</summary>
    private static string Section(string page)
    {
        var start = page.IndexOf("<section class=\"notice\" aria-labelledby=\"a-confirmer\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "La section C2 est absente.");
        return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string Item(string section, SeededOrder order)
    {
        var at = section.IndexOf(order.Number, StringComparison.Ordinal);
        Assert.True(at >= 0, $"La commande {order.Number} n'est pas dans la section C2.");
        var start = section.LastIndexOf("<li>", at, StringComparison.Ordinal);
        return section[start..section.IndexOf("</li>", at, StringComparison.Ordinal)];
    }

    /// <summary>The markup without the white space between tags.</summary>
    private static string Squeezed(string html) => BetweenTags().Replace(html, "><");

    private static string PathAndQuery(Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    [GeneratedRegex("<p class=\"result-count\">(\\d+) commandes?</p>")]
    private static partial Regex CountPattern();

    [GeneratedRegex("<td><a href=\"/gestion/commandes/[0-9a-f-]+\">([^<]+)</a>")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(">\\s+<")]
    private static partial Regex BetweenTags();
}

/// <summary>C2 follows today's date: the same orders, a day later (its own fixture, since the clock only moves forward).</summary>
public sealed class NextDayOrderListTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task C2_a_day_later_the_order_starting_on_24_march_is_21_days_away_and_is_counted_too()
    {
        var s = await OrderListTests.SeedOnceAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var sales = await app.SignedInAsync(Roles.Sales);
        Assert.Contains("Commandes à confirmer (C2) : 4", await sales.GetPageAsync("/gestion"), StringComparison.Ordinal);
        var list = await sales.GetPageAsync("/gestion/commandes?statut=a-risque");
        Assert.Equal(4, OrderListTests.CountOf(list));
        Assert.Contains("début le 24/03/2026 (dans 21 jours)", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/commandes/{s.InThreeWeeksAndADay.Id}\"", list, StringComparison.Ordinal);
    }
}
