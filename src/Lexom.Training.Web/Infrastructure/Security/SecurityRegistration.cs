using System.Threading.RateLimiting;
using Lexom.Training.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Lexom.Training.Web.Infrastructure.Security;

/// <summary>
/// Issue 9, item 1 and 5 (OWASP ASVS 5, V6–V8): the authorization policies, one per role, and the fallback that makes
/// every endpoint without an explicit <c>[Authorize]</c> or <c>[AllowAnonymous]</c> ask for a signed-in user; the
/// session cookie's flags and its security-stamp check; the rate limits of login and uploads, per client IP.
/// </summary>
public static class SecurityRegistration
{
    /// <summary>How often a session cookie is checked against its account: a disabled account or a logout elsewhere
    /// ends the session within this delay (ASVS 7.4.2).</summary>
    public static readonly TimeSpan StampValidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>The environments served over plain http on the loopback (tests, <c>./lexom run</c>, the Docker demo):
    /// cookies follow the request's scheme there; everywhere else they are always <c>Secure</c>.</summary>
    public static bool AllowsPlainHttpCookies(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing") || environment.IsEnvironment("Demo");

    public static IServiceCollection AddLexomSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var secure = AllowsPlainHttpCookies(environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = secure);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = secure);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = StampValidationInterval);

        services.AddAuthorizationBuilder()
            // Anything that forgets to declare its policy is for signed-in users only, never public by accident.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Client, p => p.RequireRole(Roles.Client));

        services.AddScoped<Features.Account.AccountStatus>();

        services.AddOptions<RateLimitSettings>().Bind(configuration.GetSection(RateLimitSettings.Section));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimits.Login, context => PerClientIp(context, s => s.Login));
            o.AddPolicy(RateLimits.Uploads, context => PerClientIp(context, s => s.Uploads));
            // The staff pages (/gestion) read PostgreSQL at each request: at most a few at once per instance, the others
            // queued oldest first. On 2 cores, 32 pages in flight together fought for the cores with PostgreSQL and each other,
            // and the unluckiest took 4× the median; queued in order they take about the same time each (docs/performance.md).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/gestion", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetConcurrencyLimiter(RateLimits.StaffPages, _ =>
                    {
                        var staff = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitSettings>>().Value.StaffPages;
                        return new ConcurrencyLimiterOptions
                        {
                            PermitLimit = staff.PermitLimit ?? 2 * Environment.ProcessorCount,
                            QueueLimit = staff.QueueLimit,
                            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                        };
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>A fixed window per client address (the forwarded one only from a trusted proxy, see ForwardedHeaders).</summary>
    private static RateLimitPartition<string> PerClientIp(HttpContext context, Func<RateLimitSettings, RateLimitWindow> pick)
    {
        var window = pick(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitSettings>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "inconnue",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = window.PermitLimit, Window = window.Window, QueueLimit = 0 });
    }
}

/// <summary>The rate-limiting policies of issue 9 (the public e-mail forms have theirs in <c>EmailServices</c>).</summary>
public static class RateLimits
{
    /// <summary>Sign-in and the invitation's password form: 10 a minute per IP by default (lockout covers each account).</summary>
    public const string Login = "login";

    /// <summary>Forms that carry files (signed scans, OPCO agreements, written requests): 30 a minute per IP by default.</summary>
    public const string Uploads = "uploads";

    /// <summary>The staff pages in flight at once per instance (a concurrency limit with a queue, not a rate).</summary>
    public const string StaffPages = "staff-pages";
}

/// <summary>Lexom:RateLimits (Login, Uploads: PermitLimit and Window).</summary>
public sealed class RateLimitSettings
{
    public const string Section = "Lexom:RateLimits";

    public RateLimitWindow Login { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    public RateLimitWindow Uploads { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public StaffPagesLimit StaffPages { get; set; } = new();
}

/// <summary>Lexom:RateLimits:StaffPages: how many /gestion requests run at once (default twice the cores), how many may wait.</summary>
public sealed class StaffPagesLimit
{
    public int? PermitLimit { get; set; }

    public int QueueLimit { get; set; } = 1_000;
}

public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
