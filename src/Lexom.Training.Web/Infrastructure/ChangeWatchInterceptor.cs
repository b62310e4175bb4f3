using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lexom.Training.Web.Infrastructure;

/// <summary>
/// Calls <see cref="ChangedAsync"/> after a save that added, changed or removed an entity it <see cref="Watches"/> (a cache
/// to empty), and inside an explicit transaction once more when it commits: a read between the save and the commit saw the
/// previous state and may have put it back in the cache. Registered as a singleton <c>IInterceptor</c> (pooled contexts).
/// </summary>
public abstract class ChangeWatchInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    private readonly ConditionalWeakTable<DbTransaction, object> _pendingCommit = [];

    protected abstract bool Watches(object entity);

    protected abstract Task ChangedAsync();

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
        if (Take(eventData.Context)) ChangedAsync().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)) await ChangedAsync();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_pendingCommit.Remove(transaction)) ChangedAsync().GetAwaiter().GetResult();
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_pendingCommit.Remove(transaction)) await ChangedAsync();
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pendingCommit.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pendingCommit.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        var touched = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watches(e.Entity));
        if (!touched) return;
        _pending.AddOrUpdate(context, context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction) _pendingCommit.AddOrUpdate(transaction, transaction);
    }

    private bool Take(DbContext? context) => context is not null && _pending.Remove(context);
}
