using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Seed;
using Microsoft.Playwright;

namespace Lexom.Training.Browser.Tests.QualityGates;

/// <summary>The app as <c>./lexom run</c> starts it: the demo accounts, sample courses and draft.</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lexom:Demo"] = "true" };

    private Task<DemoData>? _data;

    /// <summary>The demo's life, seeded once for the class.</summary>
    internal Task<DemoData> DataAsync() => LazyInitializer.EnsureInitialized(ref _data, () => DemoData.SeedAsync(this));
}

/// <summary>
/// Issue 9, item 6: the quality gates over every page. Every GET endpoint of the app (read from its endpoint data source, so a
/// page added tomorrow is in) is visited in Chromium as who may see it, over a seeded demo: a screenshot under
/// TestResults/pages, axe-core (no serious or critical violation), and the server's HTML as sent validated by the W3C checker
/// (errors fail, warnings do not). Files (PDF, CSV, attachments) are checked for their status and content type.
/// </summary>
public sealed partial class QualityGateTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task Every_get_endpoint_has_a_recipe_or_is_skipped_with_a_reason()
    {
        var endpoints = await PageEndpoints.AllAsync(app.Services);
        Assert.Contains(endpoints, e => e.Template == "/gestion/commandes/{id:guid}" && e.Visitors.SequenceEqual([Visitor.Admin]));
        Assert.Contains(endpoints, e => e.Template == "/gestion/sessions/{id:guid}" && e.Visitors.SequenceEqual([Visitor.Formateur, Visitor.Admin]));
        Assert.Contains(endpoints, e => e.Template == "/espace-client/commandes/{id:guid}" && e.Visitors.SequenceEqual([Visitor.Client]));
        Assert.Contains(endpoints, e => e.Template == "/formations/{reference}" && e.Visitors.SequenceEqual([Visitor.Anonyme]));
        var unseen = endpoints.Where(e => e.Visitors.Count == 0 && !PageEndpoints.Skipped.ContainsKey(e.Template)).ToList();
        Assert.True(unseen.Count == 0, "Pages qu'aucun compte de démonstration ne peut voir : " + string.Join(", ", unseen.Select(e => e.Template)));
        var missing = endpoints.Where(e => e.Template.Contains('{', StringComparison.Ordinal)
            && !PageEndpoints.Recipes.ContainsKey(e.Template) && !PageEndpoints.Skipped.ContainsKey(e.Template)).ToList();
        Assert.True(missing.Count == 0, "Pages sans recette de valeurs de route (ajoutez-les à PageEndpoints.Recipes, ou à Skipped avec la raison) :\n"
            + string.Join("\n", missing.Select(e => $"- {e.Template} ({e.Action})")));

        var templates = endpoints.Select(e => e.Template).ToHashSet(StringComparer.Ordinal);
        var stale = PageEndpoints.Recipes.Keys.Concat(PageEndpoints.Skipped.Keys).Where(t => !templates.Contains(t)).ToList();
        Assert.True(stale.Count == 0, "Recettes ou exclusions d'adresses qui n'existent plus : " + string.Join(", ", stale));
    }

    [Fact]
    public async Task The_gates_can_fail_an_image_without_text_fails_axe_and_a_div_inside_a_paragraph_fails_the_w3c_checker()
    {
        const string broken = "<!DOCTYPE html><html lang=\"fr\"><head><title>Page cassée</title></head><body><main><h1>Page cassée</h1>"
            + "<p><div>Un bloc dans un paragraphe</div></p><img src=\"/img/favicon.svg\"></main></body></html>";
        var page = await app.NewPageAsync();
        await page.SetContentAsync(broken);
        Assert.Contains(await page.AccessibilityViolationsAsync(), v => v.StartsWith("- image-alt (critical)", StringComparison.Ordinal));

        var file = Path.Combine(Path.GetTempPath(), $"lexom-page-cassee-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, broken);
        try
        {
            var errors = await HtmlChecker.ErrorsAsync(RepositoryRoot, [file]);
            Assert.Contains(errors[Path.GetFullPath(file)], e => e.StartsWith("error ligne 1 : No “p” element in scope but a “p” end tag seen.", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_page_of_the_demo_passes_axe_and_the_w3c_html_checker_and_every_file_answers_with_its_type()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var data = await app.DataAsync();
        output.WriteLine($"Démo alimentée en {watch.Elapsed.TotalSeconds:0.0} s");
        var visits = (await PageEndpoints.AllAsync(app.Services))
            .Where(e => !PageEndpoints.Skipped.ContainsKey(e.Template))
            .SelectMany(e => (PageEndpoints.VisitsOf(e, data) ?? []).SelectMany(v => e.Visitors.Select(who => (Who: who, Visit: v))))
            .ToList();
        Assert.True(visits.Count > 40, $"Seulement {visits.Count} visites : l'énumération des pages a-t-elle changé ?");

        var folder = Path.Combine(Path.GetDirectoryName(PageChecks.ScreenshotDirectory)!, "pages");
        Directory.CreateDirectory(folder);
        var problems = new ConcurrentBag<string>();
        var html = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // file → address
        // One browser context per visitor, all at once, each visiting its pages one after the other; a visitor with many pages (the
        // admin) gets two contexts, so that it does not finish long after the others.
        var names = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        await Task.WhenAll(visits.GroupBy(v => v.Who).SelectMany(group =>
        {
            var list = group.Select(v => v.Visit).ToList();
            var share = list.Count > 15 ? (list.Count + 1) / 2 : list.Count;
            return list.Chunk(share).Select(part => VisitAllAsync(group.Key, part, folder, names, problems, html));
        }));

        output.WriteLine($"{visits.Count} visites en {watch.Elapsed.TotalSeconds:0.0} s");
        var errors = await HtmlChecker.ErrorsAsync(RepositoryRoot, html.Keys.ToList());
        output.WriteLine($"{html.Count} pages validées par le W3C, fin à {watch.Elapsed.TotalSeconds:0.0} s");
        foreach (var (file, messages) in errors.Where(e => e.Value.Count > 0).OrderBy(e => e.Key, StringComparer.Ordinal))
            problems.Add($"HTML invalide (W3C) {html.GetValueOrDefault(Path.GetFullPath(file), file)} :\n  " + string.Join("\n  ", messages));

        Assert.True(problems.IsEmpty, $"{problems.Count} problème(s) sur {visits.Count} visites :\n" + string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    /// <summary>The screenshots' folder is TestResults/screenshots at the repository's root.</summary>
    private static string RepositoryRoot => Path.GetDirectoryName(Path.GetDirectoryName(PageChecks.ScreenshotDirectory))!;

    private async Task VisitAllAsync(Visitor who, Visit[] visits, string folder, ConcurrentDictionary<string, byte> names, ConcurrentBag<string> problems,
        ConcurrentDictionary<string, string> html)
    {
        await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "fr-FR", BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, who);
        foreach (var visit in visits)
        {
            var label = $"{visit.Url} ({who})";
            try
            {
                await VisitAsync(context, page, who, visit, label, folder, names, problems, html).WaitAsync(TimeSpan.FromSeconds(90));
            }
            catch (TimeoutException)
            {
                problems.Add($"{label} : pas de réponse en 90 s");
                await page.CloseAsync();
                page = await context.NewPageAsync();
            }
            catch (PlaywrightException e)
            {
                problems.Add($"{label} : {e.Message.Split('\n')[0]} (un fichier ? donnez son type dans PageEndpoints.Recipes)");
            }
        }
    }

    private static async Task VisitAsync(IBrowserContext context, IPage page, Visitor who, Visit visit, string label, string folder, ConcurrentDictionary<string, byte> names,
        ConcurrentBag<string> problems, ConcurrentDictionary<string, string> html)
    {
        if (visit.Before is not null) await visit.Before(context);
        if (visit.FileType is { } type)
        {
            var file = await context.APIRequest.GetAsync(visit.Url, new() { MaxRedirects = 0 });
            var served = file.Headers.GetValueOrDefault("content-type", "");
            if (file.Status != visit.Status || !served.StartsWith(type, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{label} : {file.Status} {served}, attendu {visit.Status} {type}");
            return;
        }

        var response = await page.GotoAsync(visit.Url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        if (response is null || response.Status != visit.Status || response.Request.RedirectedFrom is not null)
        {
            problems.Add($"{label} : {response?.Status} sur {page.Url}, attendu {visit.Status} sans redirection");
            return;
        }

        var name = Unique(names, $"{who}{Slug().Replace(new Uri(visit.Url, UriKind.Relative).OriginalString.Split('?')[0], "-")}".ToLowerInvariant().TrimEnd('-'));
        var path = Path.GetFullPath(Path.Combine(folder, name + ".html"));
        await File.WriteAllTextAsync(path, await response.TextAsync());
        html[path] = label;
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        var violations = await page.AccessibilityViolationsAsync();
        if (violations.Count > 0) problems.Add($"Accessibilité (axe) {label} :\n  " + string.Join("\n  ", violations));
    }

    private static async Task SignInAsync(IPage page, Visitor who)
    {
        var role = who switch
        {
            Visitor.Client => Roles.Client,
            Visitor.Admin => Roles.Admin,
            Visitor.Formateur => Roles.Trainer,
            _ => null,
        };
        if (role is null) return;
        var account = DemoSeeder.Accounts.Single(a => a.Role == role);
        await page.GotoAsync("/compte/connexion", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("Adresse e-mail").FillAsync(account.Email);
        await page.GetByLabel("Mot de passe").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForPageAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
    }

    private static string Unique(ConcurrentDictionary<string, byte> names, string name)
    {
        var candidate = name;
        for (var n = 2; !names.TryAdd(candidate, 0); n++) candidate = $"{name}-{n}";
        return candidate;
    }

    [GeneratedRegex("[^A-Za-z0-9.]+")]
    private static partial Regex Slug();
}

/// <summary>A form posted from a browser context, as the browser would: its antiforgery token read from the form's page, the
/// context's cookies sent and kept (TempData included), the redirect not followed.</summary>
internal static partial class Forms
{
    public static async Task PostAsync(IBrowserContext context, string formPage, params (string Key, string Value)[] fields)
    {
        var page = await (await context.APIRequest.GetAsync(formPage)).TextAsync();
        var token = Token().Match(page);
        Assert.True(token.Success, $"Pas de jeton antiforgery sur {formPage}");
        var form = context.APIRequest.CreateFormData();
        foreach (var (key, value) in fields) form.Set(key, value);
        form.Set("__RequestVerificationToken", token.Groups[1].Value);
        var response = await context.APIRequest.PostAsync(formPage, new() { Form = form, MaxRedirects = 0 });
        Assert.True(response.Status == 302, $"POST {formPage} : {response.Status}, attendu 302");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
