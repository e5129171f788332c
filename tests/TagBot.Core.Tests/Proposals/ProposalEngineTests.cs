using TagBot.Core.Governance;
using TagBot.Core.Status;

namespace TagBot.Core.Tests.Proposals;

using TagBot.Core.Policies;

public sealed class ProposalEngineTests
{
    private readonly ProposalScenario _proposal = new();

    private static void AssertLabels(DesiredState desired, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), desired.Labels.Order(StringComparer.Ordinal));

    [Fact]
    public void A_new_proposal_is_in_discussion_and_needs_triage()
    {
        var desired = _proposal.Decide(daysAfterOpening: 0);

        AssertLabels(desired, "status/discussion", "triage-required");
        Assert.Contains("status/consensus", desired.ManagedLabels);
        Assert.StartsWith(Markers.Status, desired.StatusComment, StringComparison.Ordinal);
        Assert.Empty(desired.Reactions);
        Assert.Empty(desired.Replies);
        Assert.Null(desired.Close);
    }

    [Fact]
    public void Consensus_needs_the_discussion_period_to_have_passed()
    {
        _proposal.SeenByTagBot();
        _proposal.Labels.Clear();
        _proposal.Labels.Add("proposal");
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("member-mia", "/support");

        AssertLabels(_proposal.Decide(daysAfterOpening: 6.99), "status/discussion");
        AssertLabels(_proposal.Decide(daysAfterOpening: 7), "status/consensus");
        Assert.Contains("Nothing is missing", _proposal.Decide(7).StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Consensus_needs_enough_binding_supports()
    {
        _proposal.Comment("lead-lee", "/support");

        var desired = _proposal.Decide(daysAfterOpening: 30);

        Assert.Contains("status/discussion", desired.Labels);
        Assert.Contains("1 more binding support", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Outsiders_are_counted_as_non_binding()
    {
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("random-rita", "/support");
        _proposal.Comment("random-raj", "/support");

        var desired = _proposal.Decide(daysAfterOpening: 30);

        Assert.Contains("status/discussion", desired.Labels);
        Assert.Contains("### Binding positions (1 support, 0 object)", desired.StatusComment, StringComparison.Ordinal);
        Assert.Contains("### Non-binding positions (2 support, 0 object)", desired.StatusComment, StringComparison.Ordinal);
        Assert.Equal(3, desired.Reactions.Count(r => r.Kind == ReactionKind.ThumbsUp));
    }

    [Fact]
    public void Roster_logins_compare_case_insensitively()
    {
        _proposal.Comment("member-max", "/support");
        _proposal.Comment("LEAD-LEE", "/support");

        Assert.Contains("status/consensus", _proposal.Decide(daysAfterOpening: 8).Labels);
    }

    [Fact]
    public void A_binding_objection_blocks_and_its_withdrawal_by_edit_unblocks()
    {
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("member-mia", "/support");
        var objection = _proposal.Comment("chair-carla", "/object the seats per region are too many");

        var blocked = _proposal.Decide();
        Assert.Contains("status/blocked", blocked.Labels);
        Assert.Contains("the seats per region are too many", blocked.StatusComment, StringComparison.Ordinal);

        _proposal.Edit(objection, "Withdrawn after the call.\n/withdraw");

        Assert.Contains("status/consensus", _proposal.Decide().Labels);
    }

    [Fact]
    public void Deleting_the_objecting_comment_removes_the_objection()
    {
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("member-mia", "/support");
        var objection = _proposal.Comment("chair-carla", "/object not yet");
        _proposal.Delete(objection);

        Assert.Contains("status/consensus", _proposal.Decide().Labels);
    }

    [Fact]
    public void A_non_binding_objection_does_not_block()
    {
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("member-mia", "/support");
        _proposal.Comment("random-rita", "/object I dislike it");

        Assert.Contains("status/consensus", _proposal.Decide().Labels);
    }

    [Fact]
    public void Objections_do_not_block_when_the_policy_says_so()
    {
        _proposal.Policy = Policy.Default with { Proposals = Policy.Default.Proposals with { ObjectionsBlock = false } };
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("member-mia", "/support");
        _proposal.Comment("chair-carla", "/object still against");

        var desired = _proposal.Decide();

        Assert.Contains("status/consensus", desired.Labels);
        Assert.Contains("do not block", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void The_latest_command_of_a_person_is_their_position()
    {
        _proposal.Comment("member-mia", "/support");
        _proposal.Comment("member-mia", "/object changed my mind");

        var desired = _proposal.Decide();

        Assert.Contains("status/blocked", desired.Labels);
        Assert.Contains("(0 support, 1 object)", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawing_with_nothing_to_withdraw_is_refused_with_a_reply()
    {
        var id = _proposal.Comment("member-mia", "/withdraw");

        var desired = _proposal.Decide();

        Assert.Contains(new Reaction(id, ReactionKind.Confused), desired.Reactions);
        var reply = Assert.Single(desired.Replies);
        Assert.Equal(id, reply.CommentId);
        Assert.StartsWith(Markers.Reply(id), reply.Body, StringComparison.Ordinal);
        Assert.Contains("no support or objection", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawn_position_is_listed_as_not_counted()
    {
        _proposal.Comment("member-mia", "/support");
        var withdrawal = _proposal.Comment("member-mia", "/withdraw");

        var status = _proposal.Decide().StatusComment!;

        Assert.Contains("| @member-mia | support | withdrawn |", status, StringComparison.Ordinal);
        Assert.Contains($"#issuecomment-{withdrawal}", status, StringComparison.Ordinal);
    }

    [Fact]
    public void An_objection_without_a_reason_is_refused()
    {
        var id = _proposal.Comment("member-mia", "/object");

        var desired = _proposal.Decide();

        Assert.Contains(new Reaction(id, ReactionKind.Confused), desired.Reactions);
        Assert.Contains("/object", Assert.Single(desired.Replies).Body, StringComparison.Ordinal);
        Assert.Contains("status/discussion", desired.Labels);
    }

    [Fact]
    public void A_lead_triages_and_an_outsider_is_refused()
    {
        var refused = _proposal.Comment("random-rita", "/triage");
        Assert.Contains("triage-required", _proposal.Decide().Labels);
        Assert.Contains("can triage", Assert.Single(_proposal.Decide().Replies).Body, StringComparison.Ordinal);
        Assert.Contains(new Reaction(refused, ReactionKind.Confused), _proposal.Decide().Reactions);

        var accepted = _proposal.Comment("lead-lee", "/triage");
        var desired = _proposal.Decide();

        Assert.DoesNotContain("triage-required", desired.Labels);
        Assert.Contains(new Reaction(accepted, ReactionKind.ThumbsUp), desired.Reactions);
        Assert.Contains("done by @lead-lee", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_the_triage_label_by_hand_counts_as_triage_once_TagBot_has_seen_the_issue()
    {
        Assert.Contains("triage-required", _proposal.Decide().Labels);

        _proposal.SeenByTagBot();

        Assert.DoesNotContain("triage-required", _proposal.Decide().Labels);
        _proposal.Labels.Add("triage-required");
        Assert.Contains("triage-required", _proposal.Decide().Labels);
    }

    [Fact]
    public void A_chair_decides_and_the_issue_is_closed_once()
    {
        _proposal.Comment("random-rita", "/object no");
        var decide = _proposal.Comment("chair-carla", "/decide accept after the TOC call");

        var desired = _proposal.Decide(daysAfterOpening: 2);

        AssertLabels(desired, "status/accepted");
        Assert.Equal(new Closure($"close:{decide}", Completed: true), desired.Close);
        Assert.Contains("after the TOC call", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejection_closes_as_not_planned()
    {
        _proposal.Comment("chair-carla", "/decide reject");

        var desired = _proposal.Decide();

        AssertLabels(desired, "status/rejected");
        Assert.False(desired.Close!.Completed);
    }

    [Fact]
    public void A_closed_issue_is_not_closed_again()
    {
        _proposal.Comment("chair-carla", "/decide reject");
        _proposal.IsOpen = false;

        Assert.Null(_proposal.Decide().Close);
    }

    [Fact]
    public void Only_chairs_decide()
    {
        var id = _proposal.Comment("lead-lee", "/decide accept");

        var desired = _proposal.Decide();

        Assert.Contains("status/discussion", desired.Labels);
        Assert.Null(desired.Close);
        Assert.Contains("only chairs", Assert.Single(desired.Replies, r => r.CommentId == id).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_after_the_decision_are_refused_and_not_counted()
    {
        _proposal.Comment("chair-carla", "/decide reject");
        var late = _proposal.Comment("member-mia", "/support", daysAfterOpening: 3);

        var desired = _proposal.Decide();

        Assert.Contains("status/rejected", desired.Labels);
        Assert.Contains("already decided", Assert.Single(desired.Replies, r => r.CommentId == late).Body, StringComparison.Ordinal);
        Assert.Contains("stated after the decision", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_decision_is_refused_and_the_first_stands()
    {
        _proposal.Comment("chair-carla", "/decide accept");
        var second = _proposal.Comment("chair-carla", "/decide reject", daysAfterOpening: 2);

        var desired = _proposal.Decide();

        Assert.Contains("status/accepted", desired.Labels);
        Assert.Contains("already decided", Assert.Single(desired.Replies, r => r.CommentId == second).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_in_code_blocks_quotes_and_html_comments_are_ignored()
    {
        _proposal.Comment("lead-lee", "```\n/support\n```");
        _proposal.Comment("member-mia", "> /support\n\nquoting the above");
        _proposal.Comment("member-max", "<!--\n/object hidden\n-->");
        _proposal.Comment("chair-carla", "    /decide accept");

        var desired = _proposal.Decide();

        Assert.Contains("status/discussion", desired.Labels);
        Assert.Empty(desired.Reactions);
        Assert.Contains("(0 support, 0 object)", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_by_bots_never_count()
    {
        _proposal.Comment("dependabot[bot]", "/support");
        _proposal.Comment("tagbot[bot]", "/decide accept");

        var desired = _proposal.Decide();

        Assert.Contains("status/discussion", desired.Labels);
        Assert.Empty(desired.Reactions);
    }

    [Fact]
    public void Every_counted_position_links_to_its_comment()
    {
        var support = _proposal.Comment("lead-lee", "/support");
        var objection = _proposal.Comment("random-rita", "/object the [link](http://x) | pipes");

        var status = _proposal.Decide().StatusComment!;

        Assert.Contains($"https://github.com/o/r/issues/1#issuecomment-{support}", status, StringComparison.Ordinal);
        Assert.Contains($"https://github.com/o/r/issues/1#issuecomment-{objection}", status, StringComparison.Ordinal);
        Assert.Contains(@"\| pipes", status, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_commands_in_one_comment_are_answered_together()
    {
        var id = _proposal.Comment("member-mia", "/support\n/triage\n/decide accept");

        var desired = _proposal.Decide();

        Assert.Contains(new Reaction(id, ReactionKind.ThumbsUp), desired.Reactions);
        Assert.Contains(new Reaction(id, ReactionKind.Confused), desired.Reactions);
        var reply = Assert.Single(desired.Replies);
        Assert.Contains("2 commands", reply.Body, StringComparison.Ordinal);
        Assert.Contains("`/triage`", reply.Body, StringComparison.Ordinal);
        Assert.Contains("`/decide accept`", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_election_command_on_a_proposal_is_refused()
    {
        var id = _proposal.Comment("member-mia", "/nominate @lead-lee");

        Assert.Contains("belongs to elections", Assert.Single(_proposal.Decide().Replies, r => r.CommentId == id).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_answered_with_the_commands()
    {
        var id = _proposal.Comment("random-rita", "/tagbot help");

        var desired = _proposal.Decide();

        Assert.Contains(new Reaction(id, ReactionKind.ThumbsUp), desired.Reactions);
        var reply = Assert.Single(desired.Replies).Body;
        Assert.Contains("/support", reply, StringComparison.Ordinal);
        Assert.Contains("/decide", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decision_is_the_same_whatever_order_GitHub_lists_comments_in()
    {
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("lead-lee", "/object wait");
        var issue = _proposal.Issue;
        var now = ProposalScenario.Opened.AddDays(8);

        var forward = IssueDecider.Decide(new DecisionInput(_proposal.Policy, _proposal.Roster, issue, now, []));
        var reversed = IssueDecider.Decide(new DecisionInput(
            _proposal.Policy, _proposal.Roster, issue with { Comments = [.. issue.Comments.Reverse()] }, now, []));

        Assert.Contains("status/blocked", forward.Labels);
        Assert.Equal(forward.StatusComment, reversed.StatusComment);
        Assert.Equal(forward.Labels.Order(), reversed.Labels.Order());
    }

    [Fact]
    public void A_removed_proposal_label_untracks_the_issue()
    {
        _proposal.SeenByTagBot();
        _proposal.Labels.Clear();

        var desired = _proposal.Decide();

        Assert.Empty(desired.Labels);
        Assert.Contains("status/discussion", desired.ManagedLabels);
        Assert.Contains("no longer carries", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unlabelled_issue_TagBot_never_tracked_is_left_alone()
    {
        _proposal.Labels.Clear();
        _proposal.Comment("member-mia", "/support");

        var desired = _proposal.Decide();

        Assert.Null(desired.StatusComment);
        Assert.Empty(desired.ManagedLabels);
        Assert.Empty(desired.Reactions);
    }
}
