using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Features.Dashboard;

/// <summary>
/// The dashboard's figures, computed once and shared by every staff member of this instance (they are the same for all):
/// recomputed after a save of an order, an invoice, a payment or a proposal on this instance (<see cref="DashboardChangeInterceptor"/>)
/// and at the turn of the day, the visitors waiting for that one computation (32 visits at once cost one, not 32:
/// docs/performance.md). Older than <c>Lexom:Dashboard:MaxAge</c> (30 s), for the changes made by another instance, they are
/// refreshed behind the visit that notices it, which (like those arriving meanwhile) gets the figures it has. A MaxAge of zero
/// computes them at every visit.
/// </summary>
public sealed class DashboardCache(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _maxAge = configuration.GetValue("Lexom:Dashboard:MaxAge", DefaultMaxAge);
    private readonly Lock _gate = new();
    private Entry? _entry;
    private Entry? _refreshing;
    private long _generation;

    private sealed record Entry(DateOnly Today, DateTimeOffset Started, long Generation, Task<DashboardView> View);

    public Task<DashboardView> GetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        Entry entry;
        lock (_gate)
        {
            var generation = Interlocked.Read(ref _generation);
            if (_entry is not { } current || _maxAge <= TimeSpan.Zero || current.Today != today || current.Generation != generation
                || current.View.IsFaulted || current.View.IsCanceled)
            {
                current = _entry = Start(today, now, generation);
            }
            else if (now - current.Started >= _maxAge && current.View.IsCompletedSuccessfully && _refreshing is null)
            {
                // Old by age only: served as it is while one computation runs behind, which replaces it if nothing newer came.
                var next = _refreshing = Start(today, now, generation);
                _ = next.View.ContinueWith(done =>
                {
                    lock (_gate)
                    {
                        if (_refreshing == next) _refreshing = null;
                        if (done.IsCompletedSuccessfully && _entry == current) _entry = next;
                    }
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            entry = current;
        }
        return entry.View.WaitAsync(ct);
    }

    // Its own scope and no request's cancellation: the computation serves every visitor waiting for it.
    private Entry Start(DateOnly today, DateTimeOffset now, long generation) =>
        new(today, now, generation, Task.Run(ComputeAsync, CancellationToken.None));

    /// <summary>The figures changed: the next visit computes them again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private async Task<DashboardView> ComputeAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardQueries>().LoadAsync(CancellationToken.None);
    }
}

/// <summary>Empties <see cref="DashboardCache"/> after a save of anything of an order or a proposal (invoices, payments, refunds included).</summary>
public sealed class DashboardChangeInterceptor(DashboardCache cache) : ChangeWatchInterceptor
{
    protected override bool Watches(object entity) =>
        entity.GetType().Namespace is "Lexom.Training.Domain.Orders" or "Lexom.Training.Domain.Proposals";

    protected override Task ChangedAsync()
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }
}
