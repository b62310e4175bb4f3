using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Seed;
using Lexom.Training.Web.Infrastructure.Security;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests;

public sealed class AccountTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task Staff_land_on_the_staff_pages_after_login_and_can_log_out()
    {
        var (email, password) = await app.CreateUserAsync(Roles.Sales);
        using var client = app.NewClient();
        using var login = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", password));
        Assert.Equal("/gestion", login.Headers.Location!.OriginalString);
        Assert.Contains("Se déconnecter", await client.GetPageAsync("/gestion"), StringComparison.Ordinal);

        using var logout = await client.PostFormAsync("/gestion", "/compte/deconnexion");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var after = await client.GetAsync("/gestion");
        Assert.StartsWith("/compte/connexion", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_goes_back_to_a_local_return_url_only()
    {
        var (email, password) = await app.CreateUserAsync(Roles.Admin);
        using var client = app.NewClient();
        using var evil = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", password), ("ReturnUrl", "https://evil.example/"));
        Assert.Equal("/gestion", evil.Headers.Location!.OriginalString);
        using var local = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", password), ("ReturnUrl", "/gestion/catalogue"));
        Assert.Equal("/gestion/catalogue", local.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_whether_the_account_exists()
    {
        var (email, _) = await app.CreateUserAsync(Roles.Client);
        using var client = app.NewClient();
        using var wrong = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", "pas le bon mot de passe"));
        using var unknown = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", "personne@exemple.test"), ("Password", "pas le bon mot de passe"));
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await TestClient.BodyAsync(wrong), StringComparison.Ordinal);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await TestClient.BodyAsync(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_or_oversized_login_fields_get_French_messages()
    {
        using var client = app.NewClient();
        using var response = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", ""), ("Password", new string('p', 5000)));
        var body = await TestClient.BodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saisissez votre adresse e-mail.", body, StringComparison.Ordinal);
        Assert.Contains("Le mot de passe est trop long.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var (email, password) = await app.CreateUserAsync(Roles.Client);
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", "mauvais mot de passe " + i));
        }
        using var locked = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", password));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("ce compte est verrouillé pendant 15 minutes", await TestClient.BodyAsync(locked), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("court", "PasswordTooShort")]
    [InlineData("qwertyuiop123", "PasswordCommon")]
    [InlineData("Password1234", "PasswordCommon")]
    [InlineData("jean.dupont-secret-2026", "PasswordContainsEmail")]
    public async Task Weak_passwords_are_refused_per_ASVS(string password, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "jean.dupont@exemple.test", Email = "jean.dupont@exemple.test" }, password);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public async Task A_long_passphrase_without_digits_or_capitals_is_accepted()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "phrase@exemple.test", Email = "phrase@exemple.test" }, "le chat dort sur le radiateur");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        Assert.False(CommonPasswordValidator.IsCommon("le chat dort sur le radiateur"));
    }

    [Fact]
    public async Task Demo_accounts_and_sample_courses_do_not_exist_outside_the_demo_mode()
    {
        await using var db = app.OpenDb();
        var demoEmails = DemoSeeder.Accounts.Select(a => a.Email.ToUpperInvariant()).ToList();
        Assert.False(await db.Users.AnyAsync(u => demoEmails.Contains(u.NormalizedEmail!)));
        Assert.False(await db.Courses.AnyAsync(c => c.IsSample));
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync()); // Client, Sales, Admin, Trainer
    }
}
