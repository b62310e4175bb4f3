using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Account;
using Lexom.Training.Web.Features.Errors;
using Lexom.Training.Web.Infrastructure.Security;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lexom.Training.Web.Tests.Security;

/// <summary>Low limits: 3 sign-ins, 2 uploads and 2 public e-mail forms per address.</summary>
public sealed class RateLimitedApp : LexomApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lexom:RateLimits:Login:PermitLimit"] = "3",
        ["Lexom:RateLimits:Uploads:PermitLimit"] = "2",
        ["Email:RateLimit:PermitLimit"] = "2",
    };
}

/// <summary>Issue 9, item 5 (ASVS 6.3.1): sign-in attempts are limited per client address, on top of each account's lockout.</summary>
public sealed class LoginRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task The_fourth_sign_in_within_a_minute_from_one_address_gets_the_French_429_page()
    {
        using var client = app.NewClient();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", $"personne{i}@exemple.test"), ("Password", "pas le bon mot de passe"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var refused = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", "personne@exemple.test"), ("Password", "pas le bon mot de passe"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de demandes", await TestClient.BodyAsync(refused), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_public_request_form_is_limited_per_address()
    {
        using var client = app.NewClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostFormAsync("/demande-de-proposition", "/demande-de-proposition", ("Formation", "RCL-RCL-02"));
            codes.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }
}

/// <summary>Issue 9, item 5 (ASVS 5.2): forms that carry files are limited per address.</summary>
public sealed class UploadRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task The_third_upload_within_a_minute_gets_429_and_stores_nothing()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var proposalId = (await Proposals.ProposalSteps.SeedDraftsAsync(app, 1))[0];
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // Not a PDF, JPEG or PNG: refused by content, so the first two store nothing either.
            using var response = await OrderSteps.PaperAcceptanceAsync(sales, proposalId, "2026-03-02", ("SignedDocument", "scan.pdf", "application/pdf", "<html>pas un PDF</html>"u8.ToArray()));
            codes.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], codes);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.StoredFiles.CountAsync(f => f.ProposalId == proposalId));
    }
}

/// <summary>Issue 9, item 5 (ASVS 7.2.4, 7.4.1, 7.4.2): a new cookie at each sign-in; logout and disabling end the sessions. Moves the clock.</summary>
public sealed class SessionLifetimeTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task Each_sign_in_issues_a_new_session_cookie()
    {
        var (email, password) = await app.CreateUserAsync(Roles.Sales);
        using var client = app.NewClient();
        var first = await AuthCookieOfLoginAsync(client, email, password);
        var second = await AuthCookieOfLoginAsync(client, email, password);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_disabled_account_s_existing_cookie_stops_working_and_it_cannot_sign_in_again()
    {
        var (email, password) = await app.CreateUserAsync(Roles.Sales);
        using var client = app.NewClient();
        await client.LoginAsync(email, password);
        using (var before = await client.GetAsync("/gestion"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var id = (await users.FindByEmailAsync(email))!.Id;
            Assert.True(await scope.ServiceProvider.GetRequiredService<AccountStatus>().DisableAsync(id));
        }
        app.Clock.Advance(SecurityRegistration.StampValidationInterval + TimeSpan.FromSeconds(1));

        using (var after = await client.GetAsync("/gestion"))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/compte/connexion", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var again = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", password));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await TestClient.BodyAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_out_ends_the_account_s_other_cookies_too()
    {
        var (email, password) = await app.CreateUserAsync(Roles.Admin);
        using var here = app.NewClient();
        using var elsewhere = app.NewClient();
        await here.LoginAsync(email, password);
        await elsewhere.LoginAsync(email, password);
        using (var logout = await here.PostFormAsync("/gestion", "/compte/deconnexion"))
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        app.Clock.Advance(SecurityRegistration.StampValidationInterval + TimeSpan.FromSeconds(1));
        using var stale = await elsewhere.GetAsync("/gestion");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/compte/connexion", stale.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<string> AuthCookieOfLoginAsync(TestClient client, string email, string password)
    {
        using var response = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lexom.auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}

/// <summary>Issue 9, item 5: no stack trace ever (ASVS 13.4.2), uploads under generated names outside the web root (ASVS 5.3.1, 5.3.2).</summary>
public sealed class ErrorAndUploadHardeningTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task An_unhandled_exception_shows_the_French_error_page_without_any_detail()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(ErrorsController.ThrowingTestPath);
        var body = await TestClient.BodyAsync(response);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Une erreur inattendue s'est produite", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lexom.Training", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_is_a_French_404_for_everyone_not_a_login_redirect()
    {
        using var anonymous = app.NewClient();
        using var response = await anonymous.GetAsync("/page-qui-n-existe-pas");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await TestClient.BodyAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_is_stored_in_the_database_under_a_generated_name_never_under_wwwroot()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var proposalId = await OrderSteps.IssuedProposalAsync(app, sales, "televersement@exemple.test", Billing.BillingSteps.NewSiret(), participants: 2);
        var webRoot = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        var filesBefore = Directory.GetFiles(webRoot, "*", SearchOption.AllDirectories).Length;

        using var response = await OrderSteps.PaperAcceptanceAsync(sales, proposalId, "2026-03-02", ("SignedDocument", "../../wwwroot/evil.html", "text/html", OrderSteps.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.Headers.Location!.OriginalString.StartsWith("/gestion/commandes/", StringComparison.Ordinal),
            Billing.BillingSteps.Flash(await sales.GetPageAsync(response.Headers.Location!.OriginalString)).Text);

        await using var db = app.OpenDb();
        var stored = await db.StoredFiles.Where(f => f.Kind == StoredFileKind.SignedProposal).Select(f => new { f.FileName, f.ContentType }).SingleAsync();
        // The name is made from the proposal's number and the type found in the content; the sender's name is dropped.
        Assert.Matches(@"^proposition-signee-[A-Z]+-2026-\d{6}\.pdf$", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(filesBefore, Directory.GetFiles(webRoot, "*", SearchOption.AllDirectories).Length);
        using var anonymous = app.NewClient();
        using var direct = await anonymous.GetAsync("/evil.html");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    [InlineData("Demo", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public void Cookies_follow_the_request_scheme_only_on_the_loopback_environments(string environment, bool plainHttp) =>
        Assert.Equal(plainHttp, SecurityRegistration.AllowsPlainHttpCookies(new TestEnvironment { EnvironmentName = environment }));

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Lexom.Training.Web";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}

/// <summary>The app as in production: Secure cookies and HSTS (ASVS 3.3.1, 3.4.1).</summary>
public sealed class ProductionApp : LexomApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class ProductionCookieTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Cookies_are_Secure_HttpOnly_and_SameSite_and_HSTS_is_sent()
    {
        var (email, password) = await app.CreateUserAsync(Roles.Sales);
        using var client = new TestClient(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://lexom.test"),
        }));
        using var page = await client.GetAsync("/compte/connexion");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lexom.af=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; httponly", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.Ordinal);

        using var login = await client.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", password));
        var auth = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lexom.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", auth, StringComparison.Ordinal);
        Assert.Contains("; httponly", auth, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", auth, StringComparison.Ordinal);
    }
}
