using TagBot.Cli;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Cli;

/// <summary>
/// The comparison behind <c>audit</c>, on issues built in memory: what TagBot left after a pass at
/// some time is consistent; a change that time alone made since is reported as due, not as a
/// difference; anything edited by hand is a difference.
/// </summary>
public sealed class IssueAuditTests
{
    private const string Url = "https://github.com/o/r/issues/1";
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Roster Roster = RosterReader.Read(GovernanceWorld.DefaultRoster, "governance/roster.yaml").Roster!;

    private static IssueComment Say(long id, string author, string body, TimeSpan after) =>
        new(id, author, false, body, T0 + after, $"{Url}#issuecomment-{id}");

    private static IssueSnapshot Proposal(params IssueComment[] comments) =>
        new("o/r", 1, "[Proposal] Terms", "chair-carla", T0, true, ["proposal"], comments, Url);

    private static DecisionInput Input(IssueSnapshot issue, DateTimeOffset now) => new(Policy.Default, Roster, issue, now, []);

    /// <summary>The issue as TagBot leaves it after a pass at <paramref name="at"/>: its labels, status comment, replies and notices.</summary>
    private static IssueSnapshot AfterTagBot(IssueSnapshot issue, DateTimeOffset at)
    {
        var desired = IssueDecider.Decide(Input(issue, at));
        var labels = issue.Labels.Where(l => !desired.ManagedLabels.Contains(l) || desired.Labels.Contains(l))
            .Concat(desired.Labels.Where(l => !issue.HasLabel(l)).Order(StringComparer.Ordinal));
        var own = new List<IssueComment> { Bot(900, desired.StatusComment!, at) };
        own.AddRange(desired.Replies.Select((r, i) => Bot(901 + i, r.Body, at)));
        own.AddRange(desired.Notices.Select((n, i) => Bot(950 + i, n.Body, at)));
        return issue with { Labels = [.. labels], Comments = [.. issue.Comments, .. own] };
    }

    private static IssueComment Bot(long id, string body, DateTimeOffset at) => new(id, "tagbot[bot]", true, body, at, $"{Url}#issuecomment-{id}");

    [Fact]
    public void What_TagBot_left_after_its_last_pass_is_consistent()
    {
        var issue = AfterTagBot(Proposal(
            Say(1, "member-mia", "/support", TimeSpan.FromHours(1)),
            Say(2, "member-max", "/object", TimeSpan.FromHours(2)),
            Say(3, "lead-lee", "/triage", TimeSpan.FromHours(3))), T0.AddHours(4));

        var report = IssueAudit.Run(Input(issue, T0.AddDays(2)), T0.AddHours(4));

        Assert.True(report.IsConsistent);
        Assert.Empty(report.Pending);
        Assert.Empty(report.Notes);
        Assert.Equal(["labels", "the status comment", "1 reply"], report.Compared);
    }

    [Fact]
    public void A_discussion_period_that_ended_since_TagBot_s_last_pass_is_due_not_a_difference()
    {
        var written = T0.AddHours(3);
        var issue = AfterTagBot(Proposal(
            Say(1, "member-mia", "/support", TimeSpan.FromHours(1)),
            Say(2, "member-max", "/support", TimeSpan.FromHours(2))), written);
        Assert.Contains("status/discussion", issue.Labels);

        var report = IssueAudit.Run(Input(issue, T0.AddDays(8)), written);

        Assert.True(report.IsConsistent);
        Assert.Equal(written, report.ConsistentAsOf);
        Assert.Equal(["Labels", "Status comment (https://github.com/o/r/issues/1#issuecomment-900)"], report.Pending.Select(f => f.Subject));
        Assert.Equal("missing: status/consensus; not expected: status/discussion", report.Pending[0].Summary);
    }

    [Fact]
    public void A_label_changed_by_hand_is_a_difference_even_when_time_also_moved_the_outcome()
    {
        var written = T0.AddHours(3);
        var issue = AfterTagBot(Proposal(
            Say(1, "member-mia", "/support", TimeSpan.FromHours(1)),
            Say(2, "member-max", "/support", TimeSpan.FromHours(2))), written);
        issue = issue with { Labels = [.. issue.Labels, "status/rejected"] };

        var report = IssueAudit.Run(Input(issue, T0.AddDays(8)), written);

        Assert.False(report.IsConsistent);
        Assert.Empty(report.Pending);
        var labels = Assert.Single(report.Differences, d => d.Subject == "Labels");
        Assert.Contains("not expected: status/discussion, status/rejected", labels.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_edited_after_TagBot_s_pass_shows_in_the_status_comment_diff()
    {
        var issue = AfterTagBot(Proposal(Say(1, "member-mia", "/support", TimeSpan.FromHours(1))), T0.AddHours(2));
        // Mia changes her mind; TagBot has not seen the edit (or someone tampered with the count).
        issue = issue with { Comments = [Say(1, "member-mia", "/object not yet", TimeSpan.FromHours(1)), .. issue.Comments.Skip(1)] };

        var report = IssueAudit.Run(Input(issue, T0.AddDays(1)), T0.AddHours(2));

        Assert.False(report.IsConsistent);
        var status = Assert.Single(report.Differences, d => d.Subject.StartsWith("Status comment", StringComparison.Ordinal));
        Assert.Equal("differs (- posted, + expected)", status.Summary);
        Assert.Contains("-## Proposal: in discussion", status.Detail, StringComparison.Ordinal);
        Assert.Contains("+## Proposal: blocked by an objection", status.Detail, StringComparison.Ordinal);
        Assert.Contains(report.Differences, d => d.Subject == "Labels");
    }

    [Fact]
    public void A_missing_status_comment_is_a_difference()
    {
        var issue = Proposal(Say(1, "member-mia", "/support", TimeSpan.FromHours(1))) with { Labels = ["proposal", "status/discussion", "triage-required"] };

        var report = IssueAudit.Run(Input(issue, T0.AddDays(1)), null);

        var status = Assert.Single(report.Differences);
        Assert.Equal(("Status comment", "not posted"), (status.Subject, status.Summary));
        Assert.StartsWith("expected:\n<!-- tagbot:status -->\n## Proposal: in discussion", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decided_proposal_reopened_by_hand_is_a_note_not_a_difference()
    {
        var issue = AfterTagBot(Proposal(Say(1, "chair-carla", "/decide accept", TimeSpan.FromHours(1))), T0.AddHours(2));

        var report = IssueAudit.Run(Input(issue, T0.AddDays(1)), T0.AddHours(2));

        Assert.True(report.IsConsistent);
        Assert.Contains(report.Notes, n => n.StartsWith("The issue is decided but open.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_issue_TagBot_does_not_track_has_nothing_to_compare()
    {
        var issue = Proposal(Say(1, "member-mia", "Looks good", TimeSpan.FromHours(1))) with { Labels = ["question"] };

        var report = IssueAudit.Run(Input(issue, T0.AddDays(1)), null);

        Assert.True(report.IsConsistent);
        Assert.Empty(report.Compared);
        Assert.Equal(["TagBot does not track this issue: it has neither `proposal` nor `nomination`."], report.Notes);
    }
}
