namespace TagBot.Comments;

/// <summary>
/// The pure part of incremental comment reading: what the cache, a delta read with <c>since</c> and the
/// deletions TagBot was told of make together, and whether that can be trusted. No I/O, so a property test
/// can hold it against a full read over thousands of random histories (<c>CommentMergeProperties</c>).
/// </summary>
public static class CommentMerge
{
    /// <summary>
    /// The <c>since</c> of the next delta read: the newest <c>updated_at</c> seen. GitHub's filter is
    /// <c>updated_at &gt;= since</c> at whole seconds, so the read returns at least that comment again, and every
    /// comment written later in the same second; nothing written after the last read is left out. Null: the
    /// cache is empty, only a full read can fill it.
    /// </summary>
    public static DateTimeOffset? Since(IReadOnlyCollection<CachedComment> cached) =>
        cached.Count == 0 ? null : cached.Max(c => c.UpdatedAt);

    /// <summary>
    /// The cache with the delta laid over it (a comment in the delta replaces its cached version: it is the
    /// newer one) and <paramref name="deleted"/> taken out (a deletion is final: a comment ID never returns),
    /// in GitHub's order (oldest first: by ID, which GitHub hands out in creation order).
    /// </summary>
    public static IReadOnlyList<CachedComment> Apply(
        IEnumerable<CachedComment> cached, IEnumerable<CachedComment> delta, IEnumerable<long> deleted)
    {
        var byId = new Dictionary<long, CachedComment>();
        foreach (var comment in cached)
        {
            byId[comment.Id] = comment;
        }

        foreach (var comment in delta)
        {
            byId[comment.Id] = comment;
        }

        foreach (var id in deleted)
        {
            byId.Remove(id);
        }

        return [.. byId.Values.OrderBy(c => c.Id)];
    }

    /// <summary>
    /// Whether a merged list can stand in for a full read: it holds as many comments as the issue says it has
    /// (its <c>comments</c> count, read in the same reconcile). A deletion TagBot was not told of (a lost
    /// delivery), or a comment a delta missed, makes the counts differ, and a full read decides instead.
    /// </summary>
    public static bool Trusted(IReadOnlyCollection<CachedComment> merged, int issueCommentCount) =>
        merged.Count == issueCommentCount;
}
