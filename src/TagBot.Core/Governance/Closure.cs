namespace TagBot.Core.Governance;

/// <summary>Close the issue, once per deciding comment (a human may reopen it afterwards).</summary>
public sealed record Closure(long DecidingCommentId, bool Completed)
{
    public string Key => $"close:{DecidingCommentId}";
}
