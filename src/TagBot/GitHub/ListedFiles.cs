using System.Collections.Concurrent;
using Octokit;

namespace TagBot.GitHub;

/// <summary>
/// Reads a file on the default branch by walking directory listings from the root, remembering listings by
/// tree SHA and texts by blob SHA. A SHA names its content for ever, so what was read once is never read again,
/// and the root listing, sent with its ETag, answers 304 (not charged by GitHub) while nothing at the root
/// changed. What this buys over reading the file: a missing file costs a 304, not a 404 on every reconcile
/// (a 404 carries no ETag, so it cannot be answered "not modified").
/// </summary>
internal static class ListedFiles
{
    /// <summary>Entries kept per cache before the oldest half is dropped: bounded memory, rare eviction.</summary>
    private const int Capacity = 4096;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Entry>> Listings = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>The repository root's listing, or null for an empty repository: one request, shared by every file a reconcile reads.</summary>
    public static async Task<IReadOnlyList<Entry>?> RootAsync(IGitHubClient client, RepositoryName repository)
    {
        try
        {
            return Listed(await client.Repository.Content.GetAllContents(repository.Owner, repository.Name));
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>The file's text and blob SHA, or null when it, or a directory on its way, does not exist.</summary>
    /// <param name="root">The root's listing (<see cref="RootAsync"/>).</param>
    public static async Task<(string Text, string Sha)?> ReadAsync(IGitHubClient client, RepositoryName repository, Task<IReadOnlyList<Entry>?> root, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (await root is not { } listing)
        {
            return null;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var entry = listing.FirstOrDefault(e => string.Equals(e.Name, segments[i], StringComparison.Ordinal));
            var last = i == segments.Length - 1;
            if (entry is null || entry.IsDirectory == last)
            {
                return null;
            }

            if (last)
            {
                if (!Texts.TryGetValue(entry.Sha, out var text))
                {
                    var contents = await client.Repository.Content.GetAllContents(repository.Owner, repository.Name, path);
                    if (contents.Count != 1 || contents[0].Content is null)
                    {
                        return null;
                    }

                    text = contents[0].Content;
                    // The SHA it was listed with may be older than the file just read: keep the text under its own SHA.
                    Remember(Texts, contents[0].Sha, text);
                    return (text, contents[0].Sha);
                }

                return (text, entry.Sha);
            }

            if (!Listings.TryGetValue(entry.Sha, out var next))
            {
                try
                {
                    next = Listed(await client.Repository.Content.GetAllContents(repository.Owner, repository.Name, string.Join('/', segments[..(i + 1)])));
                }
                catch (NotFoundException)
                {
                    return null; // deleted since the listing above
                }

                Remember(Listings, entry.Sha, next);
            }

            listing = next;
        }

        return null;
    }

    private static IReadOnlyList<Entry> Listed(IReadOnlyList<RepositoryContent> contents) =>
        [.. contents.Select(c => new Entry(c.Name, c.Sha, c.Type.Value == ContentType.Dir))];

    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string sha, T value)
    {
        if (cache.Count >= Capacity)
        {
            foreach (var key in cache.Keys.Take(Capacity / 2).ToList())
            {
                cache.TryRemove(key, out _);
            }
        }

        cache[sha] = value;
    }

    /// <summary>One entry of a directory listing: a file's blob SHA or a directory's tree SHA.</summary>
    public sealed record Entry(string Name, string Sha, bool IsDirectory);
}
