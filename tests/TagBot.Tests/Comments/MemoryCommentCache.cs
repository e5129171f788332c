using TagBot.Comments;

namespace TagBot.Tests.Comments;

/// <summary>
/// The store's side of the comment cache in memory, for property runs too many for a database file; the same
/// histories also run against SQLite (<see cref="CommentCacheProperties"/>). <see cref="BeforeWrite"/> lets a
/// delivery land between a reconcile's load and its write, as it can in production.
/// </summary>
internal sealed class MemoryCommentCache : ICommentCache
{
    private readonly Dictionary<string, (Dictionary<long, CachedComment> Comments, DateTimeOffset At)> _issues = [];
    private readonly Dictionary<string, HashSet<long>> _deleted = [];

    public Action? BeforeWrite { get; set; }

    public Task<CachedIssueComments?> LoadAsync(string issue, CancellationToken cancellationToken) =>
        Task.FromResult(_issues.TryGetValue(issue, out var e)
            ? new CachedIssueComments([.. e.Comments.Values.OrderBy(c => c.Id)], Deleted(issue).ToHashSet(), e.At)
            : null);

    public Task UpdateAsync(string issue, IReadOnlyCollection<CachedComment> changed, IReadOnlyCollection<long> removed, CancellationToken cancellationToken)
    {
        Interleave();
        var e = _issues[issue];
        foreach (var comment in changed)
        {
            e.Comments[comment.Id] = comment;
        }

        foreach (var id in removed)
        {
            e.Comments.Remove(id);
        }

        return Task.CompletedTask;
    }

    public Task ReplaceAsync(string issue, IReadOnlyCollection<CachedComment> comments, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        Interleave();
        _issues[issue] = (comments.ToDictionary(c => c.Id), readAt);
        Deleted(issue).IntersectWith(comments.Select(c => c.Id));
        return Task.CompletedTask;
    }

    public Task DeletedAsync(string issue, long commentId, CancellationToken cancellationToken)
    {
        Deleted(issue).Add(commentId);
        return Task.CompletedTask;
    }

    private HashSet<long> Deleted(string issue) =>
        _deleted.TryGetValue(issue, out var set) ? set : _deleted[issue] = [];

    private void Interleave()
    {
        var before = BeforeWrite;
        BeforeWrite = null;
        before?.Invoke();
    }
}
