using System.Net;
using System.Text.RegularExpressions;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests;

/// <summary>Several instances of the app share one key ring in PostgreSQL: what one protects, another reads.</summary>
public sealed partial class DataProtectionTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task A_sign_in_cookie_made_by_one_instance_is_accepted_by_another_and_the_keys_are_in_the_database()
    {
        var (email, password) = await app.CreateUserAsync(Roles.Admin);
        await using var second = new SecondHost(app);
        await second.InitializeAsync();

        // Signed in on the first instance (its antiforgery cookie and token, then its authentication cookie)…
        using var first = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await first.GetAsync("/compte/connexion");
        var antiforgery = CookiesOf(form);
        var token = TokenPattern().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var login = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]),
        };
        login.Headers.Add("Cookie", antiforgery);
        using var signedIn = await first.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // …the second instance reads the cookie: the staff page, not the sign-in page.
        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/gestion");
        request.Headers.Add("Cookie", CookiesOf(signedIn));
        using var page = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var protectedByFirst = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("lexom-test").Protect("bonjour");
        Assert.Equal("bonjour", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("lexom-test").Unprotect(protectedByFirst));
        await using var db = app.OpenDb();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
