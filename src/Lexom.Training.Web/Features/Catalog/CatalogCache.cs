using System.Runtime.CompilerServices;
using Lexom.Training.Domain.Catalog;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Primitives;

namespace Lexom.Training.Web.Features.Catalog;

/// <summary>
/// The public catalog's caches (docs/performance.md): the HTML of <c>/</c> and <c>/formations</c> (search included) in the
/// output cache under the tag <see cref="Tag"/>, the course pages' HTML likewise (« Recevoir le programme par e-mail » is a link
/// to its own form, so the page carries no antiforgery token), and the course page's read. All are emptied the moment a course, a domain or
/// a session (its seats) is saved on this instance; another instance serves its copy at most <see cref="Lifetime"/> longer.
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
        // The default policy (anonymous GET, 200, no Set-Cookie) plus the tag and the lifetime; the key is the path and the query.
        options.AddPolicy(Policy, b => b.Expire(Lifetime).Tag(Tag));
    }
}

/// <summary>
/// Empties <see cref="CatalogCache"/> after a save that added, changed or removed a course, a domain or a session; inside an
/// explicit transaction (enrolment, session closing) once more when it commits, because a visitor's read between the save and
/// the commit sees the previous state and may have put it back in the cache.
/// </summary>
public sealed class CatalogChangeInterceptor(CatalogCache cache, IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly ConditionalWeakTable<System.Data.Common.DbTransaction, object> PendingCommit = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context)) cache.InvalidateAsync(store, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)) await cache.InvalidateAsync(store, CancellationToken.None);
        return result;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (PendingCommit.Remove(transaction)) cache.InvalidateAsync(store, CancellationToken.None).GetAwaiter().GetResult();
    }

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (PendingCommit.Remove(transaction)) await cache.InvalidateAsync(store, CancellationToken.None);
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => PendingCommit.Remove(transaction);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        PendingCommit.Remove(transaction);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is null) return;
        var touched = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Course or CatalogDomain or CourseSession);
        if (!touched) return;
        Pending.AddOrUpdate(context, context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction) PendingCommit.AddOrUpdate(transaction, transaction);
    }

    private static bool Take(DbContext? context) => context is not null && Pending.Remove(context);
}
