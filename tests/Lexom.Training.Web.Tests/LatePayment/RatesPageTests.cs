using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.LatePayment;

/// <summary>L2: the rates per half-year are data, edited by the admins at /gestion/parametres/taux.</summary>
public sealed class RatesPageTests(LexomApp app) : IClassFixture<LexomApp>
{
    private const string Page = "/gestion/parametres/taux";

    [Fact]
    public async Task L2_the_seeded_half_years_are_listed_to_be_checked_with_the_rate_they_give_and_an_admin_corrects_and_verifies_one()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        var page = Squeezed(await admin.GetPageAsync(Page));
        Assert.Contains("<h1>Taux des intérêts de retard (L2)</h1>", page, StringComparison.Ordinal);
        // 2024-H1 … 2026-H2, newest first; max(ECB + 10, 3 × legal).
        Assert.Contains("<th scope=\"row\">2e semestre 2026 (juillet–décembre)</th><td>2,15</td><td>2,62</td><td>12,15 %</td><td><span class=\"status status-new\">à vérifier</span>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">1er semestre 2024 (janvier–juin)</th><td>4,50</td><td>5,07</td><td>15,21 %</td><td><span class=\"status status-new\">à vérifier</span>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("2e semestre 2026", StringComparison.Ordinal) < page.IndexOf("1er semestre 2024", StringComparison.Ordinal));
        // The six seeded half-years (another test of this class may have added one).
        var toCheck = Count(page, "à vérifier</span>");
        Assert.True(toCheck >= 6, $"{toCheck} semestres à vérifier");

        using (var saved = await admin.PostFormAsync(Page, $"{Page}/2025/2", ("Ecb", "2,15"), ("Legal", "2,76 %"), ("Verified", "true")))
            Assert.Equal(Page, saved.Headers.Location!.OriginalString);
        var after = Squeezed(await admin.GetPageAsync(Page));
        Assert.Contains("Taux du 2e semestre 2025 enregistrés et vérifiés.", after, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2e semestre 2025 (juillet–décembre)</th><td>2,15</td><td>2,76</td><td>12,15 %</td><td><span class=\"status status-published\">vérifié</span>", after, StringComparison.Ordinal);
        Assert.Contains("modifié le 02/03/2026 par admin-", after, StringComparison.Ordinal);
        Assert.Equal(toCheck - 1, Count(after, "à vérifier</span>"));

        // Corrected without « vérifié »: to be checked again.
        using (await admin.PostFormAsync(Page, $"{Page}/2026/1", ("Ecb", "2.40"), ("Legal", "4,5"))) { }
        await using var db = app.OpenDb();
        var row = await db.LateInterestRates.AsNoTracking().SingleAsync(r => r.Year == 2026 && r.Half == 1);
        Assert.Equal((2.40m, 4.50m, true), (row.EcbRatePoints, row.LegalRatePoints, row.ToBeChecked));
        Assert.NotNull(row.UpdatedBy);
        Assert.Contains("<td>2,40</td><td>4,50</td><td>13,5 %</td>", Squeezed(await admin.GetPageAsync(Page)), StringComparison.Ordinal);
        using var missing = await admin.PostFormAsync(Page, $"{Page}/2031/1", ("Ecb", "2"), ("Legal", "3"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task L2_an_admin_adds_a_half_year_once_and_wrong_values_get_french_messages_and_change_nothing()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        // The form proposes the half-year after the last one.
        var form = await admin.GetPageAsync(Page);
        Assert.Contains("id=\"Year\" name=\"Year\" value=\"2027\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1\" selected=\"selected\">1er semestre (janvier–juin)</option>", form, StringComparison.Ordinal);

        using (var bad = await admin.PostFormAsync(Page, Page, ("Year", "1999"), ("Half", "3"), ("Ecb", "deux"), ("Legal", "25")))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var body = await TestClient.BodyAsync(bad);
            foreach (var message in new[]
                     {
                         "Le formulaire n'a pas été enregistré", "L'année du semestre est comprise entre 2000 et 2100.",
                         "Choisissez le semestre : 1 (janvier–juin) ou 2 (juillet–décembre).",
                         "Le taux de refinancement de la BCE est un pourcentage entre 0 et 20, avec 3 décimales au plus (par exemple 2,15).",
                         "Le taux de l'intérêt légal est un pourcentage entre 0 et 20, avec 3 décimales au plus (par exemple 2,62).",
                     })
            {
                Assert.Contains(message, body, StringComparison.Ordinal);
            }
            Assert.Contains("<p class=\"field-error\" id=\"Ecb-err\">", body, StringComparison.Ordinal);
        }
        using (var bad = await admin.PostFormAsync(Page, $"{Page}/2024/1", ("Ecb", "4,5001"), ("Legal", "")))
        {
            var body = await TestClient.BodyAsync(bad);
            Assert.Contains("Le taux de refinancement de la BCE est un pourcentage entre 0 et 20", body, StringComparison.Ordinal);
            Assert.Contains("Le taux de l'intérêt légal est un pourcentage", body, StringComparison.Ordinal);
        }
        await using (var db = app.OpenDb())
        {
            Assert.Equal(6 + 0, await db.LateInterestRates.CountAsync(r => r.Year < 2027));
            Assert.Equal(4.50m, (await db.LateInterestRates.SingleAsync(r => r.Year == 2024 && r.Half == 1)).EcbRatePoints);
        }

        using (var added = await admin.PostFormAsync(Page, Page, ("Year", "2027"), ("Half", "1"), ("Ecb", "2,15"), ("Legal", "2,9")))
            Assert.Equal(Page, added.Headers.Location!.OriginalString);
        var page = Squeezed(await admin.GetPageAsync(Page));
        Assert.Contains("Taux du 1er semestre 2027 ajoutés (à vérifier).", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">1er semestre 2027 (janvier–juin)</th><td>2,15</td><td>2,90</td><td>12,15 %</td><td><span class=\"status status-new\">à vérifier</span>", page, StringComparison.Ordinal);

        using (var again = await admin.PostFormAsync(Page, Page, ("Year", "2027"), ("Half", "1"), ("Ecb", "3"), ("Legal", "3"), ("Verified", "true")))
            Assert.Contains("Les taux du 1er semestre 2027 sont déjà saisis : modifiez-les dans le tableau.", await TestClient.BodyAsync(again), StringComparison.Ordinal);
        await using var check = app.OpenDb();
        var row = await check.LateInterestRates.AsNoTracking().SingleAsync(r => r.Year == 2027 && r.Half == 1);
        Assert.Equal((2.15m, 2.90m, true), (row.EcbRatePoints, row.LegalRatePoints, row.ToBeChecked));
    }

    [Fact]
    public async Task L2_the_rates_page_is_for_admins_only_a_sales_person_is_denied_and_changes_nothing()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        using (var get = await sales.GetAsync(Page))
        {
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", PathOf(get), StringComparison.Ordinal);
        }
        // A valid antiforgery token (from a page the sales person may see) does not open the door.
        using (var post = await sales.PostFormAsync("/gestion/commandes", $"{Page}/2024/2", ("Ecb", "9"), ("Legal", "9"), ("Verified", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", PathOf(post), StringComparison.Ordinal);
        }
        using (var post = await sales.PostFormAsync("/gestion/commandes", Page, ("Year", "2030"), ("Half", "1"), ("Ecb", "9"), ("Legal", "9")))
            Assert.StartsWith("/compte/acces-refuse", PathOf(post), StringComparison.Ordinal);
        using var anonymous = app.NewClient();
        using (var get = await anonymous.GetAsync(Page))
            Assert.StartsWith("/compte/connexion", PathOf(get), StringComparison.Ordinal);

        await using var db = app.OpenDb();
        var row = await db.LateInterestRates.AsNoTracking().SingleAsync(r => r.Year == 2024 && r.Half == 2);
        Assert.Equal((4.25m, 4.92m, true), (row.EcbRatePoints, row.LegalRatePoints, row.ToBeChecked));
        Assert.False(await db.LateInterestRates.AnyAsync(r => r.Year == 2030));
    }

    [Fact]
    public async Task L2_a_post_without_the_antiforgery_token_is_refused()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await admin.Http.PostAsync($"{Page}/2024/2", new FormUrlEncodedContent([new("Ecb", "9"), new("Legal", "9")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(4.25m, (await db.LateInterestRates.AsNoTracking().SingleAsync(r => r.Year == 2024 && r.Half == 2)).EcbRatePoints);
    }

    private static string PathOf(HttpResponseMessage r) => r.Headers.Location!.IsAbsoluteUri ? r.Headers.Location.PathAndQuery : r.Headers.Location.OriginalString;

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(html, ">\\s+<", "><");
}
