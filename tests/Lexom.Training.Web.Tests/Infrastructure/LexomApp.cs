using Lexom.Training.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lexom.Training.Web.Tests.Infrastructure;

/// <summary>
/// The real app over its own PostgreSQL database, with a fake clock. One per test class
/// (xunit IClassFixture); the database is dropped when the class is done.
/// </summary>
public class LexomApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 10:00 in Paris.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public string ConnectionString { get; protected set; } = "";

    /// <summary>False for a second host over another fixture's database (it must not drop it).</summary>
    protected virtual bool OwnsDatabase => true;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync(GetType().Name);
        // Starts the host now: migrations and seeding run once, before the first test.
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Lexom", ConnectionString);
        builder.UseSetting("Lexom:Demo", "false");
        // Tests post many forms from one address; the fixtures that test the limit set their own.
        builder.UseSetting("Email:RateLimit:PermitLimit", "100000");
        builder.UseSetting("Lexom:RateLimits:Login:PermitLimit", "100000");
        builder.UseSetting("Lexom:RateLimits:Uploads:PermitLimit", "100000");
        // Without SMTP settings mail goes to a pickup folder: never the repository's own .data/mail.
        builder.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetTempPath(), "lexom-test-mail", GetType().Name + "-" + Guid.NewGuid().ToString("N")[..8]));
        // The proposal expiry job is run by the tests themselves (RunOnceAsync), never behind their back when the clock moves.
        builder.UseSetting("Lexom:Jobs:ProposalExpiryEnabled", "false");
        // Same for the late-payment job (L1–L3).
        builder.UseSetting("Lexom:Jobs:LatePaymentEnabled", "false");
        // And the convocations' job (issue 8).
        builder.UseSetting("Lexom:Jobs:ConvocationEnabled", "false");
        // And the retention job (G1), run by the privacy tests themselves.
        builder.UseSetting("Lexom:Jobs:RetentionEnabled", "false");
        // The tests write straight to the database, behind the dashboard cache's interceptor: figures computed at each visit
        // (Dashboard/DashboardCacheTests sets its own).
        builder.UseSetting("Lexom:Dashboard:MaxAge", "00:00:00");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public AppDbContext OpenDb() => TestDatabase.OpenContext(ConnectionString);

    public TestClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates an account with a role and returns its credentials.</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@exemple.test";
        const string password = "une phrase de passe assez longue";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedAt = Clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return (email, password);
    }

    public async Task<TestClient> SignedInAsync(string role)
    {
        var (email, password) = await CreateUserAsync(role);
        var client = NewClient();
        await client.LoginAsync(email, password);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase && ConnectionString.Length > 0) await TestDatabase.DropAsync(ConnectionString);
        GC.SuppressFinalize(this);
    }
}

/// <summary>Another instance of the app over the database of an existing fixture (several app servers, one database).</summary>
public sealed class SecondHost(LexomApp first) : LexomApp
{
    protected override bool OwnsDatabase => false;

    public override ValueTask InitializeAsync()
    {
        ConnectionString = first.ConnectionString;
        Clock.SetUtcNow(first.Clock.GetUtcNow());
        _ = Services;
        return ValueTask.CompletedTask;
    }
}
