using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Lexom.Training.Web.Features.Catalog;

/// <summary>
/// The public catalog's caches (docs/performance.md): the HTML of <c>/</c> and <c>/formations</c> (search included) in the
/// output cache under the tag <see cref="Tag"/>, the course pages' HTML likewise (« Recevoir le programme par e-mail » is a link
/// to its own form, so the page carries no antiforgery token), and the course page's read. All are emptied the moment a course, a domain or
/// a session (its seats) is saved on this instance; another instance's change shows on a page to the first visitor past the
/// page's freshness, at most <see cref="Lifetime"/> after it was stored, the others getting the page as it was while that
/// visitor recomputes it (<see cref="StaleWhileRevalidateStore"/>).
/// The output cache's default policy never stores a response for a signed-in user, a response that sets a cookie, or
/// anything but a 200 to a GET.
/// </summary>
public sealed class CatalogCache : IDisposable
{
    public const string Policy = "Catalog";
    public const string Tag = "catalog";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private CancellationTokenSource _changes = new();

    /// <summary>Expires with the next catalog change (for entries of <see cref="Microsoft.Extensions.Caching.Memory.IMemoryCache"/>).</summary>
    public IChangeToken ChangeToken => new CancellationChangeToken(_changes.Token);

    public async Task InvalidateAsync(IOutputCacheStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The old source is not disposed: a reader may still be making a token from it.
        await Interlocked.Exchange(ref _changes, new CancellationTokenSource()).CancelAsync();
        await store.EvictByTagAsync(Tag, ct);
    }

    public void Dispose() => _changes.Dispose();

    public static void AddPolicy(OutputCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The default policy (anonymous GET, 200, no Set-Cookie) plus the tag and a freshness of 3/4 to all of Lifetime; the key
        // is the path and the query.
        options.AddPolicy(Policy, b => b.Tag(Tag).AddPolicy<SpreadExpiry>());
    }

    /// <summary>
    /// Each page is fresh for a random 3/4 to all of <see cref="Lifetime"/>. Pages stored together (after a catalog change empties
    /// the cache, the next visitors refill it at once) would otherwise go stale together and be recomputed at the same moment
    /// (with twenty searches on two cores, a 190 ms stall: docs/performance.md); spread, each is recomputed alone by its first
    /// visitor past its freshness (<see cref="StaleWhileRevalidateStore"/>). The upper bound, how long another instance's change
    /// can go unseen, stays <see cref="Lifetime"/>.
    /// </summary>
    public sealed class SpreadExpiry : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            ArgumentNullException.ThrowIfNull(context);
            context.ResponseExpirationTimeSpan = Lifetime * (0.75 + (0.25 * Random.Shared.NextDouble()));
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Empties <see cref="CatalogCache"/> after a save that added, changed or removed a course, a domain or a session, and once
/// more when the transaction around it commits (<see cref="ChangeWatchInterceptor"/>).
/// </summary>
public sealed class CatalogChangeInterceptor(CatalogCache cache, IOutputCacheStore store) : ChangeWatchInterceptor
{
    protected override bool Watches(object entity) => entity is Course or CatalogDomain or CourseSession;

    protected override Task ChangedAsync() => cache.InvalidateAsync(store, CancellationToken.None);
}
