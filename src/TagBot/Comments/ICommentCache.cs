namespace TagBot.Comments;

/// <summary>
/// Each tracked issue's comments as last read, kept in the store (SQLite or PostgreSQL) so that a reconcile
/// reads only what changed, and shared by replicas. Issues are named by their lane key (<c>owner/repo#n</c>).
/// </summary>
public interface ICommentCache
{
    /// <summary>What is cached for an issue, or null when it has never been read in full.</summary>
    Task<CachedIssueComments?> LoadAsync(string issue, CancellationToken cancellationToken);

    /// <summary>Stores what a delta read changed: <paramref name="changed"/> written over, <paramref name="removed"/> dropped.</summary>
    Task UpdateAsync(string issue, IReadOnlyCollection<CachedComment> changed, IReadOnlyCollection<long> removed, CancellationToken cancellationToken);

    /// <summary>Replaces everything cached for an issue with a full read made at <paramref name="readAt"/>, forgetting the deletions it shows.</summary>
    Task ReplaceAsync(string issue, IReadOnlyCollection<CachedComment> comments, DateTimeOffset readAt, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers that a comment was deleted (an <c>issue_comment.deleted</c> delivery), until the next full read:
    /// a delta read cannot show a deletion, and a reconcile that read the comment just before may still write it back.
    /// </summary>
    Task DeletedAsync(string issue, long commentId, CancellationToken cancellationToken);
}

/// <summary>An issue's cached comments (oldest first), the deletions TagBot was told of since, and when it was last read in full.</summary>
public sealed record CachedIssueComments(IReadOnlyList<CachedComment> Comments, IReadOnlySet<long> Deleted, DateTimeOffset FullReadAt);
