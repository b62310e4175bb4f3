using System.Globalization;
using System.Threading.RateLimiting;
using Lexom.Training.Web.Email.Transport;
using Lexom.Training.Web.Jobs;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lexom.Training.Web.Email;

/// <summary>The outbox, its dispatcher and its transport; the rate limit of public forms that send e-mail.</summary>
public static class EmailServices
{
    /// <summary>Rate-limiting policy of public forms that send an e-mail (per client IP, Email:RateLimit).</summary>
    public const string PublicFormPolicy = "public-email-form";

    public static IServiceCollection AddLexomEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Email:From doit être une adresse, par exemple « LEXOM Formation <formation@lexom.fr> ».")
            .Validate(o => o.Dispatcher.MaxAttempts >= 1 && o.Dispatcher.BatchSize >= 1, "Email:Dispatcher : MaxAttempts et BatchSize valent au moins 1.")
            .Validate(o => o.Dispatcher.LeaseDuration > o.Smtp.Timeout * 3, "Email:Dispatcher:LeaseDuration doit dépasser trois fois Email:Smtp:Timeout.")
            .ValidateOnStart();

        services.AddSingleton<OutboxSignal>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryTransport>(sp));
        // After DatabaseInitializer: hosted services start in order, so the schema is there.
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The body is left empty: the status code pages show the French 429 page.
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(PublicFormPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<EmailOptions>>().Value.RateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "inconnue",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 });
            });
        });
        return services;
    }
}
