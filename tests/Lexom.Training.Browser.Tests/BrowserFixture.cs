using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lexom.Training.Browser.Tests;

/// <summary>
/// The app on real Kestrel (127.0.0.1, a free port) over its own PostgreSQL database, and Debian's
/// Chromium driven by Playwright. Playwright never downloads a browser: it launches /usr/bin/chromium.
/// </summary>
public class BrowserApp : LexomApp
{
    public BrowserApp() => UseKestrel(0);

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LEXOM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>An HTTP client of the web tests' kind (cookies kept, redirects not followed) to this Kestrel server.</summary>
    public TestClient NewHttpClient() =>
        new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = new Uri(BaseUrl) });

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "fr-FR", BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public static class PageChecks
{
    /// <summary>Screenshots go to TestResults/screenshots at the repository's root.</summary>
    public static string ScreenshotDirectory { get; } = CreateScreenshotDirectory();

    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="url"/> (read from Playwright's client, polled) and the document
    /// at that address is parsed (its readyState read in the page). Playwright's WaitForURLAsync(…, DOMContentLoaded) hung once
    /// in CI for its 30 s on a page that had loaded: its client had the new address but not yet the load state, and then saw
    /// only "load" and "networkidle". Reading the document's own state does not depend on that bookkeeping.
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> url)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!url(page.Url))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"Après 30 s, la page est toujours à l'adresse {page.Url}, qui n'est pas celle attendue.");
            await Task.Delay(20);
        }
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
    }

    /// <summary>axe-core on the page: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var blocking = await AccessibilityViolationsAsync(page);
        Assert.True(blocking.Count == 0, "Violations d'accessibilité sur " + page.Url + " :\n" + string.Join("\n", blocking));
    }

    /// <summary>axe-core's serious and critical violations on the page, one line each (rule, impact, help, elements). Frames are
    /// left out: the app's only one is the e-mail preview, sandboxed without scripts, where axe cannot run (it would wait forever).</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { Iframes = false });
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"- {v.Id} ({v.Impact}) : {v.Help} → {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    private static string CreateScreenshotDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lexom.Training.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
