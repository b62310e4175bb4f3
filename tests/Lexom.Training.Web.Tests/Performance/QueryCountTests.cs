using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Performance;

/// <summary>
/// Issue 10: no page makes more than a few round trips to PostgreSQL, whatever the number of rows it shows. Thirty orders
/// (thirty proposals, deposit invoices and payments) of one client and a session with ten enrolled participants are enough
/// for a query per row (N+1) to show; each page's bound is what it needs today (docs/performance.md).
/// </summary>
public sealed class QueryCountTests(CountingApp app) : IClassFixture<CountingApp>
{
    [Fact]
    public async Task Every_main_page_makes_a_few_round_trips_with_thirty_rows_to_show()
    {
        var orders = await OrdersAsync(app, 30, participants: 1, clientName: "Trente Commandes SARL", siret: "73282932000074");
        using var admin = await app.SignedInAsync(Roles.Admin);
        var session = await PlannedAsync(admin, Start, End);
        // The session page with 3, then 10 participants: the same number of round trips (a query per participant would add 7).
        int? withThree = null;
        foreach (var (order, i) in orders.Take(10).Select((o, i) => (o, i)))
        {
            using var enrolled = await EnrolAsync(admin, session, order.Participants[0].Id);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, enrolled.StatusCode);
            if (i == 2) withThree = (await app.RoundTripsAsync(admin, $"/gestion/sessions/{session}")).Count;
        }
        var (withTen, sessionCommands) = await app.RoundTripsAsync(admin, $"/gestion/sessions/{session}");
        Assert.True(withTen == withThree, $"La page de session : {withThree} allers-retours avec 3 inscrits, {withTen} avec 10\n{sessionCommands}");
        using var client = await ClientAccountAsync(orders[0].ClientId!.Value);
        using var visitor = app.NewClient();

        // The public pages first: their reads are cached (CatalogCache) once done, and the enrolments above emptied the caches.
        // The bounds are today's counts, with a little room on the pages others still extend; the session page and the client
        // space load whole order aggregates in split queries (one command per collection: participants, attendance, invoices,
        // payments, …), a constant, not one per row (the session page's is checked above with 3 and 10 participants).
        var pages = new (TestClient Who, string Url, int Bound)[]
        {
            (visitor, "/formations/RCL-RCL-02", 2),
            (visitor, "/formations", 3),
            (visitor, "/formations?q=crm", 3),
            (admin, "/gestion/propositions", 4),
            (admin, "/gestion/propositions?statut=acceptee&client=Trente", 4),
            (admin, "/gestion/commandes", 4),
            (admin, "/gestion/factures", 2),
            (admin, "/gestion", 8),
            (admin, $"/gestion/sessions/{session}", 20),
            (client, "/espace-client", 10),
        };
        var report = new List<string>();
        foreach (var (who, url, bound) in pages)
        {
            var (count, commands) = await app.RoundTripsAsync(who, url);
            // At least one: the counter sees the page's reads (a counter that saw nothing would pass any bound).
            Assert.True(count >= 1, $"GET {url} : aucune requête comptée");
            if (count > bound) report.Add($"GET {url} : {count} allers-retours (au plus {bound})\n{commands}");
        }
        Assert.True(report.Count == 0, string.Join("\n\n", report));
    }

    [Fact]
    public async Task A_page_served_again_from_the_catalog_cache_makes_no_round_trip()
    {
        using var visitor = app.NewClient();
        var (first, _) = await app.RoundTripsAsync(visitor, "/formations?domaine=relation-client-relation-clients");
        var (again, commands) = await app.RoundTripsAsync(visitor, "/formations?domaine=relation-client-relation-clients");
        Assert.True(first >= 1);
        Assert.True(again == 0, commands);
    }

    private async Task<TestClient> ClientAccountAsync(Guid clientId)
    {
        var (email, password) = await app.CreateUserAsync(Roles.Client);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.ClientId = clientId;
            await users.UpdateAsync(user);
        }
        var client = app.NewClient();
        await client.LoginAsync(email, password);
        return client;
    }
}
