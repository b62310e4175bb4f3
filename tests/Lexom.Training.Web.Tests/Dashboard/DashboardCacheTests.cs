using System.Text.RegularExpressions;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests.Dashboard;

/// <summary>The dashboard's figures kept 30 s, as in production (the other test hosts compute them at each visit).</summary>
public sealed class DashboardCacheApp : CountingApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lexom:Dashboard:MaxAge"] = "00:00:30" };
}

/// <summary>
/// DashboardCache (issue 10, docs/performance.md): simultaneous visits cost one computation; a change saved by this instance
/// shows at the next visit; a change written elsewhere (another instance; here straight to the database) within 30 s.
/// </summary>
public sealed partial class DashboardCacheTests(DashboardCacheApp app) : IClassFixture<DashboardCacheApp>
{
    [Fact]
    public async Task Simultaneous_visits_share_one_computation_kept_until_a_save_on_this_instance_or_30_seconds()
    {
        await DashboardSeed.SeedOnceAsync(app);
        using var sales = await app.SignedInAsync(Roles.Sales);
        var (alone, _) = await app.RoundTripsAsync(sales, "/gestion");
        Assert.True(alone >= 5, $"Le calcul du tableau de bord : {alone} requêtes");
        var (cached, commands) = await app.RoundTripsAsync(sales, "/gestion");
        Assert.True(cached == 0, $"Une visite servie par le cache : {cached} requêtes\n{commands}");

        // A save on this instance: the next visits compute again, once for twelve simultaneous visitors.
        await PayOneOverdueInvoiceAsync(app.Services);
        var visits = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => app.RoundTripsAsync(sales, "/gestion")));
        Assert.Equal(alone, visits.Sum(v => v.Count));
        Assert.Equal(1, Overdue(await sales.GetPageAsync("/gestion")));

        // Written by another instance (straight to the database, no interceptor): the cached figures for 30 s; then the visit
        // that finds them old still gets them at once and has them refreshed behind it, for the next visits.
        await using (var elsewhere = app.OpenDb()) await PayOneOverdueInvoiceAsync(elsewhere);
        Assert.Equal(1, Overdue(await sales.GetPageAsync("/gestion")));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, Overdue(await sales.GetPageAsync("/gestion")));
        Assert.Equal(0, await EventuallyOverdueAsync(sales, 0));
    }

    /// <summary>The overdue figure once it is <paramref name="expected"/>, or the last one read after 10 s of visits.</summary>
    private static async Task<int> EventuallyOverdueAsync(TestClient sales, int expected)
    {
        var seen = -1;
        for (var i = 0; i < 100 && seen != expected; i++)
        {
            if (i > 0) await Task.Delay(100);
            seen = Overdue(await sales.GetPageAsync("/gestion"));
        }
        return seen;
    }

    private static async Task PayOneOverdueInvoiceAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await PayOneOverdueInvoiceAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Pays in full the first client invoice past its due date (2 March 2026).</summary>
    private static async Task PayOneOverdueInvoiceAsync(AppDbContext db)
    {
        var today = new DateOnly(2026, 3, 2);
        var orders = await db.Orders.Include(o => o.Invoices).ThenInclude(i => i.Payments).AsSplitQuery().ToListAsync();
        var (order, invoice) = orders.SelectMany(o => o.Invoices.Select(i => (Order: o, Invoice: i)))
            .Where(x => x.Invoice.Payer == InvoicePayer.Client && x.Invoice.Kind != InvoiceKind.CreditNote && x.Invoice.DueOn < today && !x.Invoice.IsSettled)
            .OrderBy(x => x.Invoice.Number.ToString())
            .First();
        order.RecordPayment(invoice.Id, Guid.NewGuid(), invoice.AmountDue, today, "VIR-CACHE-" + Guid.NewGuid().ToString("N")[..8]);
        await db.SaveChangesAsync();
    }

    private static int Overdue(string page) => int.Parse(OverdueFigure().Match(DashboardTests.Squeezed(page)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<strong>Factures échues : (\\d+)</strong>")]
    private static partial Regex OverdueFigure();
}
