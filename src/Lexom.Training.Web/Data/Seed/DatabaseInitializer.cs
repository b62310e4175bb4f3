using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Data.Seed;

/// <summary>
/// At start-up: applies pending migrations (one instance at a time, under a PostgreSQL advisory lock),
/// creates the roles, seeds the catalog, and in the demo mode the demo accounts and sample courses.
/// Every step is idempotent: starting twice does no harm.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<LexomOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    private const long MigrationLockKey = 0x4C45584F4D; // "LEXOM"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.InitializeDatabase) return;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();

        if (options.Value.MigrateOnStartup)
        {
            await CreateDatabaseIfMissingAsync(db, cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
                // A new database has no history table yet; creating it first keeps EF from logging a failed query.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count > 0)
                {
                    logger.LogInformation("Application de {Count} migration(s) : {Migrations}", pending.Count, pending);
                    await db.Database.MigrateAsync(cancellationToken);
                }
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));
        }

        await services.GetRequiredService<CatalogSeeder>().SeedAsync(cancellationToken);

        if (options.Value.Demo)
        {
            if (environment.IsProduction())
                logger.LogWarning("Le mode démo est refusé en Production : aucun compte de démonstration n'est créé.");
            else
                await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
    }

    private async Task CreateDatabaseIfMissingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            logger.LogInformation("Création de la base de données");
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
