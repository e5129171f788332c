namespace TagBot.Comments;

/// <summary>
/// Reads an issue's comments at the cost of what changed: the cached list, one delta read with <c>since</c>
/// (a 304, not charged, when nothing changed) and the deletions TagBot was told of, checked against the
/// issue's comment count read before and after the delta. It reads everything instead when the cache cannot be
/// trusted: on first sight, when the counts still differ after a second look, and on a sweep once a day (<see cref="FullReadInterval"/>),
/// which repairs what no count shows (a login renamed on GitHub, say).
/// </summary>
public sealed partial class CommentReader(ICommentCache cache, TimeProvider clock, ILogger<CommentReader> logger)
{
    /// <summary>How old a full read may be before a sweep reads the issue in full again.</summary>
    public static readonly TimeSpan FullReadInterval = TimeSpan.FromDays(1);

    /// <param name="issue">The issue's lane key: what the cache is kept under.</param>
    /// <param name="count">The issue's <c>comments</c> count from the issue read of this reconcile.</param>
    /// <param name="sweep">Whether a sweep woke TagBot: only then is a full read due by age.</param>
    public async Task<IReadOnlyList<CachedComment>> ReadAsync(
        ICommentSource source, string issue, int number, int count, bool sweep, CancellationToken cancellationToken)
    {
        var cached = await cache.LoadAsync(issue, cancellationToken);
        if (cached is not null && !(sweep && clock.GetUtcNow() - cached.FullReadAt >= FullReadInterval))
        {
            var since = CommentMerge.Since(cached.Comments);
            for (var look = 0; look < 2; look++)
            {
                // The count is read on both sides of the delta: equal, nothing was created or deleted while the delta
                // was read, so the merged list is the issue at one moment, and its length must be that count. With
                // one count only, a deletion in between could hide a comment the cache still holds after a lost delivery.
                var delta = await source.CommentsAsync(number, since);
                var after = await source.CommentCountAsync(number);
                var merged = CommentMerge.Apply(cached.Comments, delta, cached.Deleted);
                if (after == count && CommentMerge.Trusted(merged, count))
                {
                    var known = cached.Comments.ToHashSet();
                    await cache.UpdateAsync(
                        issue,
                        [.. delta.Where(c => !known.Contains(c) && !cached.Deleted.Contains(c.Id))],
                        [.. cached.Comments.Where(c => cached.Deleted.Contains(c.Id)).Select(c => c.Id)],
                        cancellationToken);
                    return merged;
                }

                // Changed meanwhile, or the cache misses something: one more look (two small reads) before a full read.
                LogUntrusted(logger, issue, merged.Count, count, after);
                count = after;
            }
        }

        var readAt = clock.GetUtcNow();
        var all = await source.CommentsAsync(number, since: null);
        await cache.ReplaceAsync(issue, all, readAt, cancellationToken);
        return all;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Comment cache of {Issue} holds {Cached} comments where GitHub counted {Before}, then {After}")]
    private static partial void LogUntrusted(ILogger logger, string issue, int cached, int before, int after);
}
