using System.Net;
using Lexom.Training.Web.Data.Seed;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lexom.Training.Web.Tests;

public sealed class StartupTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task The_model_has_no_change_missing_from_the_migrations()
    {
        await using var db = app.OpenDb();
        Assert.False(db.Database.HasPendingModelChanges(), "Le modèle a changé sans migration : dotnet ef migrations add …");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Starting_twice_does_no_harm()
    {
        var initializer = app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.StartAsync(CancellationToken.None);
        await initializer.StartAsync(CancellationToken.None);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Courses.CountAsync(c => c.Reference == CatalogSeeder.CrmReference));
        Assert.Equal(1, await db.CatalogDomains.CountAsync(d => d.Name == CatalogSeeder.RelationClientDomain));
        Assert.Equal(Lexom.Training.Web.Data.Roles.All.Count, await db.Roles.CountAsync()); // Client, Sales, Admin, Trainer
    }

    [Fact]
    public async Task Tables_and_columns_are_snake_case()
    {
        await using var db = app.OpenDb();
        var columns = await db.Database.SqlQueryRaw<string>(
            "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'courses'").ToListAsync();
        Assert.Contains("inter_price_per_participant", columns);
        Assert.Contains("last_updated_on", columns);
        Assert.Contains("search_vector", columns);
    }
}

/// <summary>A host whose database cannot be reached.</summary>
public sealed class UnreachableDatabaseApp : LexomApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Lexom"] = "Host=127.0.0.1;Port=1;Database=nope;Username=nope;Password=nope;Timeout=2",
        ["Lexom:InitializeDatabase"] = "false",
    };
}

public sealed class HealthWithoutDatabaseTests(UnreachableDatabaseApp app) : IClassFixture<UnreachableDatabaseApp>
{
    [Fact]
    public async Task Health_is_503_when_the_database_is_unreachable()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Base de données injoignable", await response.Content.ReadAsStringAsync());
    }
}
