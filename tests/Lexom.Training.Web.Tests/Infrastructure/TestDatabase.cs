using Lexom.Training.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL databases for tests. The schema is migrated once per test process into a template
/// database; each test class gets its own database cloned from it (CREATE DATABASE … TEMPLATE), which
/// takes a fraction of a second. The server comes from LEXOM_TEST_PG (set by ./lexom test).
/// </summary>
public static class TestDatabase
{
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("LEXOM_TEST_PG") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Port=5432;Username=lexom;Password=lexom";

    private static readonly string Prefix = $"lexom_test_{Environment.ProcessId}_";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>A fresh, migrated database; returns its connection string.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        await Gate.WaitAsync();
        try
        {
            _template ??= await CreateTemplateAsync();
            var name = Prefix + Sanitize(purpose) + "_" + Guid.NewGuid().ToString("N")[..6];
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
            return ConnectionStringFor(name);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (attempt < 20 && ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // FORCE cannot end an autovacuum worker (it runs as the superuser) busy on the database after
                // many writes: it ends in a moment, try again.
                await Task.Delay(250);
            }
        }
    }

    public static AppDbContext OpenContext(string connectionString) =>
        new((DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options);

    private static async Task<string> CreateTemplateAsync()
    {
        var name = Prefix + "template";
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var cs = ConnectionStringFor(name);
        await using (var db = OpenContext(cs))
        {
            await db.Database.MigrateAsync();
        }
        // CREATE DATABASE … TEMPLATE needs no open connection to the template.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAsync(cs).GetAwaiter().GetResult();
        return name;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string s) =>
        new string(s.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray());
}
