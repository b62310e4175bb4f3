using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Lexom.Training.Web.Tests.Infrastructure;

namespace Lexom.Training.Web.Tests.Performance;

/// <summary>
/// Counts the database round trips (commands sent by EF Core) of each request that carries the header <see cref="Header"/>,
/// under that header's value. Registered in the app as an <see cref="IInterceptor"/>, as the app's own interceptors are.
/// </summary>
public sealed class QueryCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Lexom-Query-Count";

    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, List<string>> _commands = new();

    public int CountOf(string id) => _counts.GetValueOrDefault(id);

    public string CommandsOf(string id) => string.Join("\n---\n", _commands.GetValueOrDefault(id) ?? []);

    private void Count(DbCommand command)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is not { Length: > 0 } id) return;
        _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        var list = _commands.GetOrAdd(id, _ => []);
        lock (list) list.Add(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The app with a <see cref="QueryCounter"/> on its pooled DbContext.</summary>
public class CountingApp : LexomApp
{
    public QueryCounter Counter => Services.GetRequiredService<QueryCounter>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<QueryCounter>();
            services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<QueryCounter>());
        });
    }

    /// <summary>GETs a page (200 expected) and returns how many commands it sent to PostgreSQL, with their text for the message.</summary>
    public async Task<(int Count, string Commands)> RoundTripsAsync(TestClient client, string url)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(QueryCounter.Header, id);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (Counter.CountOf(id), Counter.CommandsOf(id));
    }
}
