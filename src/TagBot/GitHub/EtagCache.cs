using System.Collections.Concurrent;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace TagBot.GitHub;

/// <summary>
/// Remembers GET responses with their ETag so that Octokit sends <c>If-None-Match</c>: an unchanged
/// config, roster or comment page then costs a 304, which GitHub does not count against the rate
/// limit. One cache per installation client, so entries never cross installations.
/// </summary>
public sealed class EtagCache(int capacity = 8192) : IResponseCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _clock;

    public Task<CachedResponse.V1> GetAsync(IRequest request)
    {
        if (_entries.TryGetValue(Key(request), out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            return Task.FromResult(entry.Response);
        }

        return Task.FromResult<CachedResponse.V1>(null!);
    }

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        if (string.IsNullOrEmpty(cachedResponse.ApiInfo?.Etag))
        {
            return Task.CompletedTask;
        }

        _entries[Key(request)] = new Entry(cachedResponse) { LastUsed = Interlocked.Increment(ref _clock) };
        if (_entries.Count > capacity)
        {
            Evict();
        }

        return Task.CompletedTask;
    }

    private void Evict()
    {
        // Drop the least recently used half: cheap, rare, and keeps memory bounded.
        foreach (var stale in _entries.OrderBy(e => e.Value.LastUsed).Take(_entries.Count / 2).ToList())
        {
            _entries.TryRemove(stale.Key, out _);
        }
    }

    private static string Key(IRequest request)
    {
        var parameters = request.Parameters is { Count: > 0 } p
            ? "?" + string.Join("&", p.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value))
            : "";
        return request.Endpoint + parameters;
    }

    private sealed class Entry(CachedResponse.V1 response)
    {
        public CachedResponse.V1 Response { get; } = response;

        public long LastUsed { get; set; }
    }
}
