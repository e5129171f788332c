namespace TagBot.Comments;

/// <summary>Where an issue's comments come from: GitHub, through <see cref="GitHub.IssueGateway"/>.</summary>
public interface ICommentSource
{
    /// <summary>The comments with <c>updated_at &gt;= since</c>, oldest first; all of them when <paramref name="since"/> is null.</summary>
    Task<IReadOnlyList<CachedComment>> CommentsAsync(int number, DateTimeOffset? since);

    /// <summary>The issue's <c>comments</c> count as GitHub has it now.</summary>
    Task<int> CommentCountAsync(int number);
}
