using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Catalog;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lexom.Training.Web.Tests.Performance;

/// <summary>
/// The public catalog's output cache (docs/performance.md): anonymous pages come from it, a signed-in visitor never gets
/// nor leaves a cached page, the course page (no antiforgery token on it) is cached too, and a staff change shows at once, also
/// when it is saved inside a transaction that a visitor's read overtakes.
/// </summary>
public sealed class CatalogCacheTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task Entries_stored_together_expire_spread_over_the_last_quarter_of_the_lifetime_never_past_it()
    {
        IOutputCachePolicy policy = new CatalogCache.SpreadExpiry();
        var lifetimes = new List<TimeSpan>();
        for (var i = 0; i < 200; i++)
        {
            var context = new OutputCacheContext { HttpContext = new DefaultHttpContext() };
            await policy.CacheRequestAsync(context, CancellationToken.None);
            lifetimes.Add(context.ResponseExpirationTimeSpan!.Value);
        }
        Assert.All(lifetimes, l => Assert.InRange(l, CatalogCache.Lifetime * 0.75, CatalogCache.Lifetime));
        // Twenty searches stored at once are recomputed over several seconds, not in the same instant.
        Assert.True(lifetimes.Max() - lifetimes.Min() > TimeSpan.FromSeconds(10), $"{lifetimes.Min()} – {lifetimes.Max()}");
    }

    [Fact]
    public async Task Past_its_freshness_a_page_is_recomputed_by_its_first_visitor_while_the_others_get_it_as_it_was()
    {
        Assert.IsType<StaleWhileRevalidateStore>(app.Services.GetRequiredService<IOutputCacheStore>());
        const string url = "/formations?q=fondamentaux";
        const string before = "CRM - fondamentaux et enjeux", after = "CRM - fondamentaux, enjeux et pratique";
        using var visitor = app.NewClient();
        Assert.Contains(before, await visitor.GetPageAsync(url), StringComparison.Ordinal);

        // Another instance renames the course: nothing here evicts the page, which stays as it was while fresh.
        await using var other = new NpgsqlConnection(app.ConnectionString);
        await other.OpenAsync();
        await using (var rename = new NpgsqlCommand($"UPDATE courses SET title = '{after}' WHERE reference = 'RCL-RCL-02'", other)) await rename.ExecuteNonQueryAsync();
        try
        {
            using (var fresh = await visitor.GetAsync(url))
            {
                Assert.NotNull(fresh.Headers.Age);
                Assert.Contains(before, await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            app.Clock.Advance(CatalogCache.Lifetime);
            // Past its freshness. The first visitor recomputes it, held here by a lock on the courses until we let it go.
            await using var hold = new NpgsqlConnection(app.ConnectionString);
            await hold.OpenAsync();
            await using var transaction = await hold.BeginTransactionAsync();
            await using (var lockCourses = new NpgsqlCommand("LOCK TABLE courses IN ACCESS EXCLUSIVE MODE", hold, transaction)) await lockCourses.ExecuteNonQueryAsync();
            var first = app.NewClient().GetAsync(url);
            await WaitForAQueryOnTheLockAsync(other);

            // Meanwhile another visitor gets the page as it was, from the cache, without waiting.
            using (var meanwhile = await app.NewClient().GetAsync(url))
            {
                Assert.NotNull(meanwhile.Headers.Age);
                Assert.Contains(before, await meanwhile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            Assert.False(first.IsCompleted);

            await transaction.RollbackAsync();
            using (var recomputed = await first)
            {
                Assert.Null(recomputed.Headers.Age);
                Assert.Contains(after, await recomputed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            using var stored = await visitor.GetAsync(url);
            Assert.NotNull(stored.Headers.Age);
            Assert.Contains(after, await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await using (var restore = new NpgsqlCommand($"UPDATE courses SET title = '{before}' WHERE reference = 'RCL-RCL-02'", other)) await restore.ExecuteNonQueryAsync();
            await app.Services.GetRequiredService<CatalogCache>().InvalidateAsync(app.Services.GetRequiredService<IOutputCacheStore>(), CancellationToken.None);
        }
    }

    private static async Task WaitForAQueryOnTheLockAsync(NpgsqlConnection connection)
    {
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        for (var i = 0; i < 200; i++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! > 0) return;
            await Task.Delay(50);
        }
        Assert.Fail("Le premier visiteur n'a pas commencé à recalculer la page.");
    }

    [Fact]
    public async Task An_anonymous_catalog_page_is_served_from_the_cache_the_second_time_and_sets_no_cookie()
    {
        using var visitor = app.NewClient();
        using var first = await visitor.GetAsync("/formations?q=relation");
        using var second = await visitor.GetAsync("/formations?q=relation");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age); // the output cache answered
        Assert.False(first.Headers.Contains("Set-Cookie"), string.Join(" ", first.Headers.Select(h => h.Key)));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_visitor_neither_gets_nor_leaves_a_cached_page()
    {
        using var staff = await app.SignedInAsync(Roles.Sales);
        using (var warm = await app.NewClient().GetAsync("/formations?format=inter")) Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        using var mine = await staff.GetAsync("/formations?format=inter");
        Assert.Null(mine.Headers.Age);
        Assert.Contains("deconnexion", await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var signedInFirst = await staff.GetAsync("/formations?format=intra")) Assert.Equal(HttpStatusCode.OK, signedInFirst.StatusCode);
        using var anonymous = await app.NewClient().GetAsync("/formations?format=intra");
        Assert.Null(anonymous.Headers.Age); // the signed-in page was not stored
        Assert.DoesNotContain("deconnexion", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_course_page_is_output_cached_without_a_cookie_and_links_to_the_programme_form()
    {
        using var visitor = app.NewClient();
        using var first = await visitor.GetAsync("/formations/RCL-RCL-02");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        using var second = await visitor.GetAsync("/formations/RCL-RCL-02");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        var html = await second.Content.ReadAsStringAsync();
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/formations/RCL-RCL-02/programme-par-email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_course_withdrawn_by_the_staff_leaves_the_cached_catalog_and_its_page_at_once_and_comes_back()
    {
        using var visitor = app.NewClient();
        await visitor.GetPageAsync("/formations?q=crm");
        using (var cached = await visitor.GetAsync("/formations?q=crm")) Assert.NotNull(cached.Headers.Age);
        Assert.Contains("href=\"/formations/RCL-RCL-02\"", await visitor.GetPageAsync("/formations?q=crm"), StringComparison.Ordinal);
        await visitor.GetPageAsync("/formations/RCL-RCL-02");
        using (var cachedPage = await visitor.GetAsync("/formations/RCL-RCL-02")) Assert.NotNull(cachedPage.Headers.Age);

        using var admin = await app.SignedInAsync(Roles.Admin);
        using (var withdrawn = await admin.PostFormAsync("/gestion/catalogue/RCL-RCL-02", "/gestion/catalogue/RCL-RCL-02/depublier"))
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.DoesNotContain("RCL-RCL-02", await visitor.GetPageAsync("/formations?q=crm"), StringComparison.Ordinal);
        await visitor.GetPageAsync("/formations/RCL-RCL-02", HttpStatusCode.NotFound);

        using (var published = await admin.PostFormAsync("/gestion/catalogue/RCL-RCL-02", "/gestion/catalogue/RCL-RCL-02/publier"))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("href=\"/formations/RCL-RCL-02\"", await visitor.GetPageAsync("/formations?q=crm"), StringComparison.Ordinal);
        await visitor.GetPageAsync("/formations/RCL-RCL-02");
    }

    [Fact]
    public async Task A_change_saved_inside_a_transaction_leaves_the_cache_again_when_it_commits()
    {
        using var visitor = app.NewClient();
        await visitor.GetPageAsync("/formations/RCL-RCL-02");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var course = await db.Courses.SingleAsync(c => c.Reference == "RCL-RCL-02");
            course.Unpublish(app.Clock.Today());
            await db.SaveChangesAsync();
            // Not committed yet: the visitor still reads the course, and that read goes back into the cache.
            await visitor.GetPageAsync("/formations/RCL-RCL-02");
            using (var cached = await visitor.GetAsync("/formations/RCL-RCL-02")) Assert.NotNull(cached.Headers.Age);
            await transaction.CommitAsync();
        }
        await visitor.GetPageAsync("/formations/RCL-RCL-02", HttpStatusCode.NotFound);

        var again = await db.Courses.SingleAsync(c => c.Reference == "RCL-RCL-02");
        again.Publish(app.Clock.Today());
        await db.SaveChangesAsync();
        await visitor.GetPageAsync("/formations/RCL-RCL-02");
    }
}
