using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;

namespace Lexom.Training.Web.Tests.Performance;

/// <summary>
/// The public catalog's output cache (docs/performance.md): anonymous pages come from it, a signed-in visitor never gets
/// nor leaves a cached page, the course page (antiforgery token) is never cached, and a staff change shows at once.
/// </summary>
public sealed class CatalogCacheTests(LexomApp app) : IClassFixture<LexomApp>
{
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
    public async Task The_course_page_with_its_antiforgery_form_is_never_output_cached()
    {
        using var visitor = app.NewClient();
        using var first = await visitor.GetAsync("/formations/RCL-RCL-02");
        using var second = await visitor.GetAsync("/formations/RCL-RCL-02");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Contains("__RequestVerificationToken", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_course_withdrawn_by_the_staff_leaves_the_cached_catalog_and_its_page_at_once_and_comes_back()
    {
        using var visitor = app.NewClient();
        await visitor.GetPageAsync("/formations?q=crm");
        using (var cached = await visitor.GetAsync("/formations?q=crm")) Assert.NotNull(cached.Headers.Age);
        Assert.Contains("href=\"/formations/RCL-RCL-02\"", await visitor.GetPageAsync("/formations?q=crm"), StringComparison.Ordinal);
        await visitor.GetPageAsync("/formations/RCL-RCL-02");

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
}
