using TagBot.Core.Governance;
using TagBot.Core.Governance.Changes;
using TagBot.Core.Issues;
using TagBot.Core.Status;

namespace TagBot.Core.Tests.Governance;

/// <summary>The one diff between an issue as GitHub shows it and what the decider wants, without GitHub.</summary>
public class ChangePlanTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> NothingDone = [];

    private static readonly HashSet<string> Managed = new(StringComparer.OrdinalIgnoreCase)
    {
        "triage-required", "status/discussion", "status/blocked", "status/consensus",
    };

    private static IssueSnapshot Issue(string[] labels, params IssueComment[] comments) =>
        new("o/r", 7, "A proposal", "author", At, true, labels, comments, "https://github.com/o/r/issues/7");

    private static IssueComment Person(long id, string body) => new(id, "alice", false, body, At, $"u#{id}");

    private static IssueComment TagBot(long id, string body) => new(id, "tagbot[bot]", true, body, At, $"u#{id}");

    private static DesiredState Wanting(string[] labels, string? status = null) =>
        DesiredState.Nothing with
        {
            Labels = new HashSet<string>(labels, StringComparer.OrdinalIgnoreCase),
            ManagedLabels = Managed,
            StatusComment = status,
        };

    [Fact]
    public void Adds_the_missing_labels_in_one_call_and_removes_only_managed_ones_it_does_not_want()
    {
        var issue = Issue(["proposal", "status/blocked", "area/docs", "Triage-Required"]);
        var plan = ChangePlan.For(issue, Wanting(["triage-required", "status/discussion", "kind/x"]), NothingDone);

        Assert.Collection(
            plan,
            a => Assert.Equal(["kind/x", "status/discussion"], Assert.IsType<IssueAction.AddLabels>(a).Labels),
            a => Assert.Equal(new IssueAction.RemoveLabel("status/blocked"), a));
    }

    [Fact]
    public void A_missing_status_comment_is_posted_and_a_stale_one_is_edited_in_place()
    {
        var body = Markers.Status + "\n## Discussion\n";
        var posted = ChangePlan.For(Issue([]), Wanting([], body), NothingDone);
        Assert.Equal(new IssueAction.PostComment(CommentRole.Status, body), Assert.Single(posted));

        var stale = TagBot(50, Markers.Status + "\n## Blocked\n");
        var edited = Assert.IsType<IssueAction.EditComment>(Assert.Single(ChangePlan.For(Issue([], stale), Wanting([], body), NothingDone)));
        Assert.Equal((CommentRole.Status, 50L, body), (edited.Role, edited.Existing.Id, edited.Body));
    }

    [Fact]
    public void A_status_comment_that_differs_only_in_line_endings_and_trailing_space_is_left_alone()
    {
        var body = Markers.Status + "\n## Discussion\n\nline two\n";
        var asGitHubReturnsIt = TagBot(50, body.Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd());

        Assert.Empty(ChangePlan.For(Issue([], asGitHubReturnsIt), Wanting([], body), NothingDone));
    }

    [Fact]
    public void Another_bots_copy_of_the_status_marker_is_not_TagBots_status_comment()
    {
        var body = Markers.Status + "\n## Discussion\n";
        var copy = new IssueComment(60, "other[bot]", true, body + "copied", At, "u#60") { ByTagBot = false };

        Assert.Equal(new IssueAction.PostComment(CommentRole.Status, body), Assert.Single(ChangePlan.For(Issue([], copy), Wanting([], body), NothingDone)));
    }

    [Fact]
    public void Replies_are_matched_to_their_command_by_marker_edited_when_stale_and_posted_when_missing()
    {
        var oldReply = TagBot(90, Markers.Reply(11) + "\nold reason");
        var desired = DesiredState.Nothing with
        {
            Replies = [new Reply(11, Markers.Reply(11) + "\nnew reason"), new Reply(12, Markers.Reply(12) + "\nhelp")],
        };

        var plan = ChangePlan.For(Issue([], Person(11, "/object"), Person(12, "/tagbot"), oldReply), desired, NothingDone);

        Assert.Collection(
            plan,
            a => Assert.Equal((11L, 90L), (((IssueAction.EditComment)a).ReplyTo!.Value, ((IssueAction.EditComment)a).Existing.Id)),
            a => Assert.Equal(new IssueAction.PostComment(CommentRole.Reply, Markers.Reply(12) + "\nhelp", 12), a));
    }

    [Fact]
    public void A_notice_is_posted_once_and_never_edited()
    {
        const string marker = "<!-- tagbot:result -->";
        var desired = DesiredState.Nothing with { Notices = [new Notice(marker, marker + "\nElected: @alice")] };

        Assert.Single(ChangePlan.For(Issue([]), desired, NothingDone).OfType<IssueAction.PostComment>());
        Assert.Empty(ChangePlan.For(Issue([], TagBot(70, marker + "\nElected: @bob (older text)")), desired, NothingDone));
    }

    [Fact]
    public void Reactions_and_closes_already_made_are_not_made_again()
    {
        var thumbs = new Reaction(11, ReactionKind.ThumbsUp);
        var confused = new Reaction(12, ReactionKind.Confused);
        var desired = DesiredState.Nothing with { Reactions = [thumbs, confused], Close = new Closure("close:13", true) };

        Assert.Equal(3, ChangePlan.For(Issue([]), desired, NothingDone).Count);
        var plan = ChangePlan.For(Issue([]), desired, new HashSet<string> { thumbs.Key, "close:13" });

        Assert.Equal(new IssueAction.React(confused), Assert.Single(plan));
    }

    [Fact]
    public void Labels_come_first_then_comments_reactions_the_roster_pull_request_and_the_close_last()
    {
        var draft = new RosterPullRequestDraft("tagbot/election-7", "roster.yaml", "text", "title", "body", "message", []);
        var desired = Wanting(["status/discussion"], Markers.Status + "\n") with
        {
            Reactions = [new Reaction(11, ReactionKind.ThumbsUp)],
            RosterPullRequestDraft = draft,
            Close = new Closure("close:11", true),
        };

        var kinds = ChangePlan.For(Issue([], Person(11, "/close-election")), desired, NothingDone).Select(a => a.GetType().Name);

        Assert.Equal(["AddLabels", "PostComment", "React", "OpenRosterPullRequest", "CloseIssue"], kinds);
    }

    [Fact]
    public void Carrying_out_a_plan_leaves_nothing_to_do_on_the_next_pass()
    {
        var issue = Issue(["proposal", "status/blocked"], Person(11, "/support"), TagBot(50, Markers.Status + "\nold"));
        var desired = Wanting(["status/discussion", "triage-required"], Markers.Status + "\nnew") with
        {
            Replies = [new Reply(11, Markers.Reply(11) + "\nwhy")],
            Reactions = [new Reaction(11, ReactionKind.Confused)],
            Notices = [new Notice("<!-- tagbot:n -->", "<!-- tagbot:n -->\nonce")],
        };
        var done = new HashSet<string>();

        var plan = ChangePlan.For(issue, desired, done);
        Assert.NotEmpty(plan);
        var after = Apply(issue, plan, done);

        Assert.Empty(ChangePlan.For(after, desired, done));
    }

    /// <summary>The plan carried out on the issue in memory, as GitHub would show it afterwards.</summary>
    private static IssueSnapshot Apply(IssueSnapshot issue, IReadOnlyList<IssueAction> plan, HashSet<string> done)
    {
        var labels = issue.Labels.ToList();
        var comments = issue.Comments.ToList();
        foreach (var action in plan)
        {
            switch (action)
            {
                case IssueAction.AddLabels add:
                    labels.AddRange(add.Labels);
                    break;
                case IssueAction.RemoveLabel remove:
                    labels.Remove(remove.Label);
                    break;
                case IssueAction.PostComment post:
                    comments.Add(TagBot(1000 + comments.Count, post.Body));
                    break;
                case IssueAction.EditComment edit:
                    comments[comments.FindIndex(c => c.Id == edit.Existing.Id)] = edit.Existing with { Body = edit.Body };
                    break;
                case IssueAction.React react:
                    done.Add(react.Reaction.Key);
                    break;
                case IssueAction.CloseIssue close:
                    done.Add(close.Closure.Key);
                    break;
            }
        }

        return issue with { Labels = labels, Comments = comments };
    }
}
