namespace TagBot.Core.Issues;

/// <summary>Where something was said: the status comment links every counted position to it.</summary>
public sealed record CommentRef(long Id, string Url, DateTimeOffset At)
{
    public static CommentRef Of(IssueComment comment) => new(comment.Id, comment.Url, comment.CreatedAt);
}
