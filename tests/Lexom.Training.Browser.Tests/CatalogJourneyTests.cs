using Microsoft.Playwright;

namespace Lexom.Training.Browser.Tests;

/// <summary>A prospective client finds the CRM course by searching the catalog, on a desktop and on a phone.</summary>
public sealed class CatalogJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>After a click, the server-rendered page is ready once its DOM is parsed; waiting for the "load"
    /// event there timed out now and then under the full test run (the event was missed, the page was served).</summary>

    [Fact]
    public async Task A_visitor_searches_the_catalog_and_reads_the_CRM_course()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Rechercher une formation").FillAsync("strategie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith("/formations?q=strategie", StringComparison.Ordinal));
        Assert.Contains("formation", await page.Locator(".result-count").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("catalog-search");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "CRM - fondamentaux et enjeux" }).ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith("/formations/RCL-RCL-02", StringComparison.Ordinal));
        Assert.Equal("CRM - fondamentaux et enjeux", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(3, await page.Locator("section[aria-labelledby=objectifs] li").CountAsync());
        Assert.Equal(6, await page.Locator("h4.module").CountAsync());
        await page.ScreenshotAsync("course-page");
        await page.AssertAccessibleAsync();

        await page.Locator(".course-header").GetByRole(AriaRole.Link, new() { Name = "Demander une proposition" }).ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith("/demande-de-proposition?formation=RCL-RCL-02", StringComparison.Ordinal));
        Assert.Contains("RCL-RCL-02", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_course_page_reads_well_on_a_phone()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/formations/rcl-rcl-02", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        // Nothing wider than the screen: no horizontal scrolling.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"La page déborde de {overflow} px sur un téléphone");
        await page.ScreenshotAsync("course-page-phone");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_CGV_page_is_accessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/cgv", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal("Conditions Générales de Vente : LEXOM", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
    }
}
