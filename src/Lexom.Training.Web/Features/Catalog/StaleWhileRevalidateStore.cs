using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Lexom.Training.Web.Features.Catalog;

/// <summary>
/// The output cache's store, in memory, with stale-while-revalidate: a page is fresh for the lifetime its policy gives
/// (<see cref="CatalogCache.SpreadExpiry"/>) and kept <see cref="Grace"/> longer. Past its freshness, the first visitor is
/// told it is not stored and recomputes it; the visitors arriving meanwhile get the page as it was, until the new one is
/// stored. After a quiet minute, twenty searches are no longer twenty misses at once with every visitor waiting on them
/// (docs/performance.md): each is recomputed by its first visitor. Evicting a tag (a catalog change on this instance) removes
/// its pages at once, stale or not. Sizes count against 100 MB, as ASP.NET Core's own store.
/// </summary>
public sealed class StaleWhileRevalidateStore(TimeProvider clock) : IOutputCacheStore, IDisposable
{
    /// <summary>How long past its freshness a page is kept to be served while its first visitor recomputes it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>A visitor recomputing a page for longer than this (or whose request ended without storing it) is replaced.</summary>
    public static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(10);

    private const long SizeLimit = 100 * 1024 * 1024;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private readonly Dictionary<string, HashSet<string>> _tagged = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private sealed class Entry(byte[] value, string[] tags, DateTimeOffset freshUntil)
    {
        public byte[] Value { get; } = value;

        public string[] Tags { get; } = tags;

        public DateTimeOffset FreshUntil { get; } = freshUntil;

        /// <summary>When its first visitor past the freshness began to recompute it (clock ticks); 0 for nobody.</summary>
        public long RefreshingSince;
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out Entry? entry) || entry is null) return ValueTask.FromResult<byte[]?>(null);
        var now = clock.GetUtcNow();
        if (now < entry.FreshUntil) return ValueTask.FromResult<byte[]?>(entry.Value);
        var since = Interlocked.Read(ref entry.RefreshingSince);
        var free = since == 0 || now.UtcTicks - since > RefreshTimeout.Ticks;
        if (free && Interlocked.CompareExchange(ref entry.RefreshingSince, now.UtcTicks, since) == since)
            return ValueTask.FromResult<byte[]?>(null); // this visitor recomputes the page
        return ValueTask.FromResult<byte[]?>(entry.Value);
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var entry = new Entry(value, tags ?? [], clock.GetUtcNow() + validFor);
        var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = validFor + Grace, Size = value.Length };
        options.RegisterPostEvictionCallback(static (k, v, reason, state) => ((StaleWhileRevalidateStore)state!).Forget((string)k, (Entry)v!, reason), this);
        lock (_gate)
        {
            _entries.Set(key, entry, options);
            foreach (var tag in entry.Tags)
            {
                if (!_tagged.TryGetValue(tag, out var keys)) _tagged[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
                keys.Add(key);
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_tagged.Remove(tag, out var keys))
            {
                foreach (var key in keys) _entries.Remove(key);
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>An entry expired, was pushed out by the size limit or removed: its key leaves its tags, unless stored again since.</summary>
    private void Forget(string key, Entry entry, EvictionReason reason)
    {
        if (reason == EvictionReason.Replaced) return;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out Entry? current) && !ReferenceEquals(current, entry)) return;
            foreach (var tag in entry.Tags)
            {
                if (_tagged.TryGetValue(tag, out var keys) && keys.Remove(key) && keys.Count == 0) _tagged.Remove(tag);
            }
        }
    }

    public void Dispose() => _entries.Dispose();
}
