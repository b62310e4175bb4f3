using System.Diagnostics;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Tests.Performance;

/// <summary>
/// Several instances start with Lexom__InitializeDatabase=false; one one-off step creates and migrates the database first
/// (docs/performance.md, production topology).
/// </summary>
public sealed class MigrateOnlyTests
{
    [Fact]
    public async Task Migrate_only_creates_and_migrates_a_new_database_then_exits_even_when_instances_do_not_initialize()
    {
        var name = $"lexom_test_{Environment.ProcessId}_migrateonly_{Guid.NewGuid():N}"[..50];
        var connectionString = TestDatabase.ConnectionStringFor(name);
        try
        {
            var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "Lexom.Training.Web.dll")}\" --migrate-only")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath(),
            };
            start.Environment["ConnectionStrings__Lexom"] = connectionString;
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Lexom__InitializeDatabase"] = "false";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await stderr + await stdout);
            Assert.Contains("Base de données à jour.", await stdout, StringComparison.Ordinal);

            await using var db = TestDatabase.OpenContext(connectionString);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(await db.Courses.AnyAsync(c => c.Reference == "RCL-RCL-02"));
            Assert.Equal(4, await db.Roles.CountAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestDatabase.DropAsync(connectionString);
        }
    }
}
