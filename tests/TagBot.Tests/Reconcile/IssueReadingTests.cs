using TagBot.Core.Governance;
using TagBot.Core.Governance.Changes;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Status;
using TagBot.Reconcile;

namespace TagBot.Tests.Reconcile;

/// <summary>A decider that throws for one issue leaves it explained, not silent and retried for ever.</summary>
public class IssueReadingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static IssueSnapshot Issue(params IssueComment[] comments) =>
        new("o/r", 4, "Proposal", "alice", At, true, ["proposal", "status/discussion"], comments, "https://github.com/o/r/issues/4");

    [Fact]
    public void An_exception_from_the_decider_becomes_a_status_comment_that_says_what_went_wrong()
    {
        var issue = Issue(new IssueComment(11, "bob", false, "/support", At, "u#11"));
        // A roster the decider cannot use: the closest a test gets to a bug in the core.
        var input = new DecisionInput(Policy.Default, null!, issue, At.AddDays(1), ["a warning about the policy"]);
        var reading = new IssueReading(issue, new Sources(Policy.Default, Roster.Empty, ["a warning about the policy"]), input);

        var desired = reading.Decide(out var error);

        Assert.IsType<NullReferenceException>(error);
        Assert.Contains("stopped on an error", desired.StatusComment, StringComparison.Ordinal);
        Assert.Contains("NullReferenceException", desired.StatusComment, StringComparison.Ordinal);
        Assert.Contains("a warning about the policy", desired.StatusComment, StringComparison.Ordinal);
        // Nothing but the status comment: the labels people see stay as they were.
        var plan = ChangePlan.For(issue, desired, new HashSet<string>());
        Assert.Equal(CommentRole.Status, Assert.IsType<IssueAction.PostComment>(Assert.Single(plan)).Role);
    }

    [Fact]
    public void A_decider_that_works_is_not_wrapped()
    {
        var issue = Issue(new IssueComment(11, "bob", false, "/support", At, "u#11"));
        var input = new DecisionInput(Policy.Default, Roster.Empty, issue, At.AddDays(1), []);

        var desired = new IssueReading(issue, new Sources(Policy.Default, Roster.Empty, []), input).Decide(out var error);

        Assert.Null(error);
        Assert.StartsWith(Markers.Status + "\n## Proposal", desired.StatusComment, StringComparison.Ordinal);
    }
}
