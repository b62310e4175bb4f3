using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Seed;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace Lexom.Training.Web.Infrastructure;

public static class ServiceRegistration
{
    public static IServiceCollection AddLexomServices(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.Configure<LexomOptions>(configuration.GetSection(LexomOptions.Section));
        services.AddOptions<LexomOptions>()
            .Validate(o => o.DepositRate is >= 0 and <= 100, "Lexom:DepositRate est un pourcentage entre 0 et 100 (M4).")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        var connectionString = configuration.GetConnectionString("Lexom")
            ?? throw new InvalidOperationException("La chaîne de connexion ConnectionStrings:Lexom est absente (voir le README).");
        // G2: every change of an audited entity is written to the audit trail in the same SaveChanges.
        services.AddHttpContextAccessor();
        services.AddSingleton<Features.Audit.AuditInterceptor>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<Features.Audit.AuditInterceptor>());
        // Pooled contexts (the pool is built once from the root provider): interceptors must be singletons, registered as IInterceptor.
        services.AddDbContextPool<AppDbContext>((sp, o) => AppDbContext.Configure(o, connectionString)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));

        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                // OWASP ASVS 5: length, not composition; common passwords refused by CommonPasswordValidator.
                o.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>();
        // The invitation link sent with a proposal (a password-reset token, single use) lives as long as the proposal:
        // valid 30 days after its issue (P3), plus a day. A future « mot de passe oublié » should get its own, shorter, provider.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(31));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/compte/acces-refuse";
            o.Cookie.Name = "lexom.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "lexom.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Sales, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Sessions, p => p.RequireRole(Roles.Sales, Roles.Admin, Roles.Trainer));
        // Issue 9: the Client policy, the fallback policy, cookie flags, session checks, rate limits of login and uploads.
        services.AddLexomSecurity(configuration, environment);

        services.AddControllersWithViews(o =>
            {
                // Every POST checks its antiforgery token.
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // G2: staff views of client files audited; G3: the restriction banner and its refusals as messages.
                o.Filters.Add<Features.Audit.AuditViewFilter>();
                o.Filters.Add<Features.Privacy.RestrictionRefusedFilter>();
                // A NUL character in a form is a 400 (issue 9, « Bad input »).
                o.Filters.Add(new Security.NulCharacterFilter());
                o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(f => $"Le champ {f} doit être un nombre.");
                o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((v, f) => $"La valeur « {v} » n'est pas valide pour {f}.");
                o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(v => $"La valeur « {v} » n'est pas valide.");
                o.ModelBindingMessageProvider.SetMissingBindRequiredValueAccessor(f => $"Le champ {f} est obligatoire.");
                o.ModelBindingMessageProvider.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
                o.ModelBindingMessageProvider.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"La valeur « {v} » n'est pas valide.");
                o.ModelBindingMessageProvider.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
                o.ModelBindingMessageProvider.SetUnknownValueIsInvalidAccessor(f => $"La valeur saisie n'est pas valide pour {f}.");
                o.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(v => $"Une valeur est obligatoire.");
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddFeatureFolders();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempDataProvider>());

        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        ValidatorOptions.Global.LanguageManager.Culture = FrenchCulture.Culture;

        // Accents stay readable in the HTML (Razor encodes only what must be encoded).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA,
            UnicodeRanges.GeneralPunctuation, UnicodeRanges.CurrencySymbols));

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(FrenchCulture.Culture);
            o.SupportedCultures = [FrenchCulture.Culture];
            o.SupportedUICultures = [FrenchCulture.Culture];
            o.RequestCultureProviders.Clear();
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHostedService<DatabaseInitializer>();
        services.AddScoped<CatalogSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<Features.Legal.CgvText>();
        // The public catalog's output and data caches, emptied by any save of the catalog or a session (docs/performance.md).
        services.AddMemoryCache();
        // Stale-while-revalidate in memory instead of the default store (AddOutputCache adds its own only if none is registered).
        services.AddSingleton<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore, Features.Catalog.StaleWhileRevalidateStore>();
        services.AddOutputCache(Features.Catalog.CatalogCache.AddPolicy);
        services.AddSingleton<Features.Catalog.CatalogCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Features.Catalog.CatalogChangeInterceptor>();
        services.AddScoped<Features.Catalog.CatalogQueries>();
        services.AddScoped<Features.CatalogAdmin.CourseEditor>();
        services.AddScoped<Features.ProposalRequests.RequestHandler>();
        services.AddScoped<DocumentNumbering>();
        services.AddScoped<Features.Proposals.ProposalQueries>();
        services.AddScoped<Features.Proposals.ProposalDrafts>();
        services.AddScoped<Features.Proposals.ProposalIssuer>();
        services.AddScoped<Features.ClientPortal.ClientInvitations>();
        services.AddScoped<Features.ClientPortal.ClientPortalQueries>();
        services.AddScoped<Features.Orders.OrderDesk>();
        services.AddScoped<Features.Billing.InvoiceDocuments>();
        services.AddScoped<Features.Billing.FinalInvoicing>();
        services.AddScoped<Features.Billing.BillingDesk>();
        services.AddScoped<Features.Billing.BillingQueries>();
        services.AddScoped<Features.Billing.InvoiceList>();
        services.AddScoped<Features.ClientPortal.ClientNewVersions>();
        services.AddScoped<Features.Orders.OrderQueries>();
        services.AddScoped<Features.Orders.OrderList>();
        services.AddScoped<Features.OrderChanges.OrderChangeDesk>();
        services.AddSingleton<Lexom.Training.Documents.IDocumentRenderer>(Lexom.Training.Documents.DocumentRenderer.Instance);
        services.AddSingleton<ISellerIdentityProvider, SellerIdentityProvider>();
        services.AddLexomEmail(configuration);
        // P3: expiry and reminders of proposals (after DatabaseInitializer, like the dispatcher).
        services.AddOptions<Jobs.JobOptions>()
            .Bind(configuration.GetSection(Jobs.JobOptions.Section))
            .Validate(o => o.ProposalExpiryInterval > TimeSpan.Zero, "Lexom:Jobs:ProposalExpiryInterval doit être une durée positive, par exemple « 01:00:00 ».")
            .ValidateOnStart();
        services.AddSingleton<Jobs.ProposalExpiryJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.ProposalExpiryJob>());
        services.AddScoped<Features.ProgrammeByEmail.ProgrammeByEmailHandler>();
        services.AddScoped<Features.Dashboard.DashboardQueries>();
        services.AddSingleton<Features.Dashboard.DashboardCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Features.Dashboard.DashboardChangeInterceptor>();
        // O1–O3, R4: OPCO funding; L1–L4, T1: late payment, its daily job (hourly by default) and the rates (L2).
        services.AddScoped<Features.Opco.OpcoDesk>();
        services.AddScoped<Features.Opco.OpcoClaims>();
        services.AddScoped<Features.LatePayment.LatePaymentDesk>();
        services.AddScoped<Features.LatePayment.LatePaymentQueries>();
        services.AddScoped<Features.Settings.LateInterestRateEditor>();
        services.AddOptions<Jobs.JobOptions>()
            .Validate(o => o.LatePaymentInterval > TimeSpan.Zero, "Lexom:Jobs:LatePaymentInterval doit être une durée positive, par exemple « 01:00:00 ».");
        services.AddSingleton<Jobs.LatePaymentJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.LatePaymentJob>());
        services.AddScoped<Features.Sessions.SessionQueries>();
        services.AddScoped<Features.Sessions.SessionDesk>();
        services.AddScoped<Features.Sessions.SessionAttendance>();
        services.AddScoped<Features.Sessions.SessionClosing>();
        services.AddScoped<Features.Sessions.AttestationOpenings>();
        services.AddScoped<Features.Sessions.SessionConvocations>();
        services.AddScoped<Features.Sessions.SessionChanges>();
        // Issue 8: convocations a set number of days before the start (C2: confirmed orders only).
        services.AddOptions<Jobs.JobOptions>()
            .Validate(o => o.ConvocationInterval > TimeSpan.Zero && o.ConvocationDaysBefore >= 0, "Lexom:Jobs:ConvocationInterval doit être une durée positive et Lexom:Jobs:ConvocationDaysBefore un nombre de jours positif.");
        services.AddSingleton<Jobs.ConvocationJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.ConvocationJob>());
        // G1–G3, LW5: the audit trail's page, the person's rights and the daily retention job.
        services.AddScoped<Features.Audit.AuditQueries>();
        services.AddScoped<Features.Privacy.PersonalDataExport>();
        services.AddScoped<Features.Privacy.PrivacyDesk>();
        services.AddScoped<Features.Privacy.PrivacyQueries>();
        services.AddOptions<Features.Privacy.PrivacyOptions>()
            .Bind(configuration.GetSection(Features.Privacy.PrivacyOptions.Section))
            .Validate(o => o.PersonalDataRetentionYears is >= 1 and <= 50 && o.AuditRetentionYears is >= 1 and <= 50, "Lexom:Privacy : des durées de conservation en années, entre 1 et 50.")
            .ValidateOnStart();
        services.AddOptions<Jobs.JobOptions>()
            .Validate(o => o.RetentionInterval > TimeSpan.Zero, "Lexom:Jobs:RetentionInterval doit être une durée positive, par exemple « 1.00:00:00 ».");
        services.AddSingleton<Jobs.RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.RetentionJob>());
        if (environment.IsProduction())
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Several instances share one key ring in PostgreSQL: a cookie, an antiforgery token or an invitation link made by
        // one instance is read by the others, and survives a restart.
        services.AddDataProtection()
            .SetApplicationName("Lexom.Training")
            .PersistKeysToDbContext<AppDbContext>();
        // Behind a reverse proxy: the client's address and scheme from X-Forwarded-For / -Proto, trusted only from the
        // proxies listed in Lexom:TrustedProxies (loopback by default), so rate limits and the acceptance's IP see the client.
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Lexom:TrustedProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        return services;
    }

    public static WebApplication UseLexomPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
            app.UseHsts();
        app.UseExceptionHandler("/erreur");
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(o =>
        {
            // The host's logger (levels from configuration), not the start-up console logger, which logs everything.
            o.Logger = app.Services.GetService<Serilog.ILogger>();
            o.GetLevel = (ctx, _, ex) =>
                ex is not null || ctx.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : ctx.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal) ? Serilog.Events.LogEventLevel.Verbose
                : Serilog.Events.LogEventLevel.Information;
        });
        app.UseRequestLocalization();
        app.MapStaticAssets().AllowAnonymous();
        // bench/load/run.sh drops a static copy of a catalog page into the published wwwroot (not in the build's manifest).
        if (app.Configuration.GetValue<bool>("Lexom:Bench:StaticFiles"))
            app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: a signed-in visitor is never served nor stored from the cache.
        app.UseOutputCache();
        app.UseRateLimiter();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = async (ctx, report) =>
            {
                ctx.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.Response.WriteAsync(report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                    ? "OK" : "Base de données injoignable");
            },
        }).AllowAnonymous();
        // Tests only: proves that an unhandled exception shows the French error page, never a stack trace.
        if (app.Environment.IsEnvironment("Testing"))
            app.MapGet(Features.Errors.ErrorsController.ThrowingTestPath, () => { throw new InvalidOperationException("Exception de test (Testing seulement)"); }).AllowAnonymous();
        app.MapControllers();
        // An address that matches nothing is a 404 for everyone (the French page), not a login redirect of the fallback policy.
        app.MapFallback("{**path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    /// <summary>The client space: a client contact's account, who sees only its own client's records.</summary>
    public const string Client = "Client";

    /// <summary>The sessions' pages: the staff, and the trainers for their own sessions.</summary>
    public const string Sessions = "Sessions";
}
