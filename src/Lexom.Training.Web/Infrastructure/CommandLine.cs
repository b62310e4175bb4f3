using System.Security.Cryptography;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Seed;
using Microsoft.AspNetCore.Identity;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>
/// One-off commands of the web assembly:
///   create-admin --email EMAIL [--name NAME]   creates (or promotes) the first real admin; the password
///                                              is read from LEXOM_ADMIN_PASSWORD or generated and printed once.
///   render-samples --out DIR                   writes one sample PDF of every document kind, for review by eye.
///   --migrate-only                             creates and migrates the database, creates the roles and seeds the catalog,
///                                              then exits: the one-off step before starting several instances with
///                                              Lexom__InitializeDatabase=false (docs/performance.md).
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["create-admin", MigrateOnly];
    private const string MigrateOnly = "--migrate-only";
    private static readonly string[] StandaloneCommands = ["render-samples"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    /// <summary>A command that needs neither the database nor the configuration.</summary>
    public static bool IsStandalone(string[] args) => args.Length > 0 && StandaloneCommands.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunStandaloneAsync(string[] args) => args[0] switch
    {
        "render-samples" => RenderSamplesAsync(args),
        _ => Task.FromResult(2),
    };

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == MigrateOnly)
        {
            // Whatever the instances' settings say (InitializeDatabase=false on them), this step does the initialization.
            var configured = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LexomOptions>>().Value;
            var forced = Microsoft.Extensions.Options.Options.Create(new LexomOptions
            {
                InitializeDatabase = true, MigrateOnStartup = true, Demo = configured.Demo, DepositRate = configured.DepositRate, PublicBaseUrl = configured.PublicBaseUrl,
            });
            await new DatabaseInitializer(app.Services.GetRequiredService<IServiceScopeFactory>(), forced, app.Environment,
                app.Services.GetRequiredService<ILogger<DatabaseInitializer>>()).StartAsync(CancellationToken.None);
            Console.WriteLine("Base de données à jour.");
            return 0;
        }

        // The database must be migrated and the roles present before any command.
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
            await initializer.StartAsync(CancellationToken.None);

        return args[0] switch
        {
            "create-admin" => await CreateAdminAsync(app.Services, args),
            _ => 2,
        };
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Usage : create-admin --email adresse@exemple.fr [--name \"Prénom Nom\"]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var password = Environment.GetEnvironmentVariable("LEXOM_ADMIN_PASSWORD");
            var generated = string.IsNullOrEmpty(password);
            if (generated) password = GeneratePassword();
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = Option(args, "--name") ?? email,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, password!);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors) await Console.Error.WriteLineAsync(error.Description);
                return 1;
            }
            Console.WriteLine($"Compte administrateur créé : {email}");
            if (generated) Console.WriteLine($"Mot de passe (affiché une seule fois, changez-le) : {password}");
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin))
            await users.AddToRoleAsync(user, Roles.Admin);
        Console.WriteLine($"{email} a le rôle Administrateur.");
        return 0;
    }

    private static async Task<int> RenderSamplesAsync(string[] args)
    {
        var output = Option(args, "--out");
        if (string.IsNullOrWhiteSpace(output))
        {
            await Console.Error.WriteLineAsync("Usage : render-samples --out DOSSIER");
            return 2;
        }
        foreach (var path in Lexom.Training.Documents.SampleDocuments.RenderAll(Path.GetFullPath(output)))
            Console.WriteLine(path);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
        });
    }
}
