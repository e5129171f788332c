using TagBot.Core.Issues;

namespace TagBot.Core.Governance.Changes;

/// <summary>
/// One change to an issue on GitHub, as the <see cref="ChangePlan"/> orders them. The host carries
/// them out through its gateways, <c>simulate</c> applies them to an issue in memory, and
/// <c>audit</c> reads them as the differences between what TagBot posted and what its rules give.
/// </summary>
public abstract record IssueAction
{
    private IssueAction()
    {
    }

    /// <summary>Add labels the issue lacks (created in the repository first when missing).</summary>
    public sealed record AddLabels(IReadOnlyList<string> Labels) : IssueAction;

    /// <summary>Take off a label TagBot manages that the desired state does not want.</summary>
    public sealed record RemoveLabel(string Label) : IssueAction;

    /// <summary>Post a comment TagBot does not have yet: the status comment, a reply, a notice.</summary>
    /// <param name="ReplyTo">For a reply, the comment it answers.</param>
    public sealed record PostComment(CommentRole Role, string Body, long? ReplyTo = null) : IssueAction;

    /// <summary>Edit TagBot's own comment in place: its text is not what the rules give now.</summary>
    /// <param name="Existing">The comment as GitHub shows it.</param>
    /// <param name="ReplyTo">For a reply, the comment it answers.</param>
    public sealed record EditComment(CommentRole Role, IssueComment Existing, string Body, long? ReplyTo = null) : IssueAction;

    /// <summary>React to a command's comment (once: the ledger remembers <see cref="Reaction.Key"/>).</summary>
    public sealed record React(Reaction Reaction) : IssueAction;

    /// <summary>Open the election's roster pull request (unless one exists from its branch in any state).</summary>
    public sealed record OpenRosterPullRequest(RosterPullRequestDraft Draft) : IssueAction;

    /// <summary>Close the roster pull request of an undone result, with a comment (once per <see cref="RosterPullRequestClosure.Key"/>).</summary>
    public sealed record CloseRosterPullRequest(RosterPullRequestClosure Closure) : IssueAction;

    /// <summary>Close the issue (once per <see cref="Closure.Key"/>).</summary>
    public sealed record CloseIssue(Closure Closure) : IssueAction;
}

/// <summary>What a comment of TagBot's is for.</summary>
public enum CommentRole
{
    /// <summary>The one status comment, edited in place.</summary>
    Status,

    /// <summary>The one reply to a command's comment, edited in place.</summary>
    Reply,

    /// <summary>A comment posted once and never edited (a result, a roster pull request's fate).</summary>
    Notice,
}
