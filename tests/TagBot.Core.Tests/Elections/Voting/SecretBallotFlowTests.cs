using TagBot.Core.Elections;
using TagBot.Core.Elections.Ballots;
using TagBot.Core.Elections.Record;
using TagBot.Core.Elections.Voting;
using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Elections.Voting;

/// <summary>
/// <c>elections.ballot: secret</c> in the replay: endorsements before voting opens, the opening (by a chair or at the
/// nominations deadline) freezing the candidates, comments refused as votes after it, and the close counting the
/// sealed ballots into the same seat allocation.
/// </summary>
public sealed class SecretBallotFlowTests
{
    private const string PageUrl = "https://tagbot.example/elections/o/r/7";

    private static ElectionScenario Secret(BallotKind kind = BallotKind.Approval)
    {
        var scenario = new ElectionScenario();
        scenario.Policy = scenario.Policy with { Elections = scenario.Policy.Elections with { Ballot = BallotMode.Secret, BallotType = kind } };
        scenario.Ballots = new SecretBallots([], null, PageUrl);
        return scenario;
    }

    /// <summary>Two APAC nominees and two Americas ones, each endorsed once by a binding voter; one Americas nominee without an endorsement.</summary>
    private static ElectionScenario Nominated(BallotKind kind = BallotKind.Approval)
    {
        var s = Secret(kind);
        s.Comment("member-kai", "/nominate\nI have maintained the scanner for three years.", 1);
        s.Comment("member-max", "/nominate", 1.1);
        s.Comment("member-mia", "/nominate", 1.2);
        s.Comment("member-amy", "/nominate", 1.3);
        s.Comment("lead-eve", "/support @member-kai @member-max @member-mia", 2);
        return s;
    }

    /// <summary><see cref="Nominated"/>, then a chair opens voting on day 3 and closes the election on day 5.</summary>
    private static ElectionScenario Closed()
    {
        var s = Nominated();
        s.Comment("chair-carla", "/open-voting", 3);
        s.Comment("chair-carla", "/close-election", 5);
        return s;
    }

    [Fact]
    public void Before_voting_opens_a_support_is_an_endorsement_and_no_provisional_result_is_shown()
    {
        var s = Nominated();

        var tally = s.Tally();

        Assert.True(s.Row("member-kai").Electable);
        Assert.False(s.Row("member-amy").Electable);
        Assert.Null(tally.Provisional);
        Assert.False(tally.Secret!.VotingOpen);
        var status = s.Status();
        Assert.Contains("is an endorsement", status, StringComparison.Ordinal);
        Assert.DoesNotContain("If the election closed now", status, StringComparison.Ordinal);
        Assert.Contains("`/open-voting`", status, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chairs_open_voting_freezes_the_candidates_and_later_comments_do_not_vote_or_nominate()
    {
        var s = Nominated();
        var open = s.Comment("chair-carla", "/open-voting", 3);
        var late = s.Comment("member-noregion", "/nominate", 3.1);
        var accept = s.Comment("member-amy", "/accept", 3.2);
        var vote = s.Comment("lead-lee", "/support @member-amy", 3.3);

        s.AssertApplied(open);
        Assert.Contains("voting opened by @chair-carla", s.RefusalOf(late), StringComparison.Ordinal);
        Assert.Contains("candidates are fixed", s.RefusalOf(accept), StringComparison.Ordinal);
        var refusal = s.RefusalOf(vote);
        Assert.Contains("secret ballot", refusal, StringComparison.Ordinal);
        Assert.Contains("ballot page linked in TagBot's status comment", refusal, StringComparison.Ordinal);
        Assert.Equal(["member-kai", "member-max", "member-mia"], s.Tally().Secret!.Candidates.Select(c => c.Nominee));
    }

    [Fact]
    public void Only_a_chair_opens_voting_and_only_with_a_secret_ballot()
    {
        var s = Nominated();
        var byMember = s.Comment("member-mia", "/open-voting", 3);
        Assert.Contains("only chairs", s.RefusalOf(byMember), StringComparison.Ordinal);

        var comments = new ElectionScenario();
        var id = comments.Comment("chair-carla", "/open-voting", 3);
        Assert.Contains("votes by public comments", comments.RefusalOf(id), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chair_cannot_close_before_voting_opens()
    {
        var s = Nominated();
        var close = s.Comment("chair-carla", "/close-election", 3);

        Assert.Contains("voting has not opened yet", s.RefusalOf(close), StringComparison.Ordinal);
        Assert.Equal(ElectionStage.Open, s.Tally().Stage);
    }

    [Fact]
    public void Voting_opens_by_itself_at_the_nominations_deadline()
    {
        var s = Nominated();
        s.Record = new ElectionRecord("abc", [], ElectionScenario.Opened, []) { NominationsClose = ElectionScenario.Opened.AddDays(2.5) };
        var late = s.Comment("member-noregion", "/nominate", 3);

        var tally = s.Tally();

        Assert.Equal(ElectionScenario.Opened.AddDays(2.5), tally.Secret!.Opening!.At);
        Assert.Null(tally.Secret.Opening.Chair);
        Assert.Contains("nominations deadline", s.RefusalOf(late), StringComparison.Ordinal);
    }

    [Fact]
    public void A_close_without_the_sealed_ballots_asks_the_host_to_seal_the_box()
    {
        var s = Closed();

        Assert.True(s.Tally().Secret!.AwaitingBallots);
    }

    [Fact]
    public void The_close_counts_the_approval_ballots_into_the_region_seats()
    {
        var s = Closed();
        s.Ballots = new SecretBallots(["lead-lee", "lead-eve", "chair-carla"],
            [
                new CastBallot("AAAA", Ballot.Approving("member-max", "member-mia")),
                new CastBallot("BBBB", Ballot.Approving("member-max")),
                new CastBallot("CCCC", Ballot.Approving("member-kai", "member-mia")),
            ], PageUrl);

        var tally = s.Tally();

        Assert.Equal(ElectionStage.Closed, tally.Stage);
        // APAC has one seat up: member-max (2 approvals) over member-kai (1); the Americas has two: member-mia.
        Assert.Equal(["member-max", "member-mia"], ElectionScenario.Elected(tally.Outcome!.Allocation).Order());
        Assert.Equal(3, tally.Turnout.Voted);
        var result = ElectionResult.Render(tally)!;
        Assert.Contains("Count of the secret ballots", result, StringComparison.Ordinal);
        Assert.Contains("| Approvals |", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Turnout_names_who_voted_but_the_status_never_shows_a_tally_while_open()
    {
        var s = Nominated();
        s.Comment("chair-carla", "/open-voting", 3);
        s.Ballots = new SecretBallots(["lead-lee", "random-rita"], null, PageUrl);

        var status = s.Status();

        Assert.Contains("@lead-lee", status, StringComparison.Ordinal);
        Assert.Contains("**Voting is open**", status, StringComparison.Ordinal);
        // random-rita is outside the electorate: listed by the box, not counted as turnout.
        Assert.Equal(1, s.Tally().Turnout.Voted);
        Assert.DoesNotContain("Count of the secret ballots", status, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_close_a_comment_vote_is_refused_as_after_the_close_not_as_open_voting()
    {
        var s = Closed();
        var objection = s.Comment("lead-lee", "/object @member-max too late", 6);
        s.Ballots = new SecretBallots([], [], PageUrl);

        var refusal = s.RefusalOf(objection);
        Assert.Contains("Nothing after the close counts", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("voting is open", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_counted_secret_ballot_cannot_be_reopened()
    {
        var s = Closed();
        var reopen = s.Comment("chair-carla", "/reopen-election too early", 6);
        s.Ballots = new SecretBallots([], [], PageUrl);

        Assert.Contains("cannot be reopened once counted", s.RefusalOf(reopen), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ballot_page_view_has_the_candidates_statements_and_the_frozen_electorate_by_id()
    {
        var s = Nominated();
        s.Comment("chair-carla", "/open-voting", 3);
        var record = new ElectionRecord("abc", [], ElectionScenario.Opened,
            [new FrozenPerson("lead-lee", 11), new FrozenPerson("lead-eve", 12), new FrozenPerson("member-kai", 13), new FrozenPerson("chair-carla", null),
             new FrozenPerson("random-rita", 14)]);
        s.Record = record;
        var tally = s.Tally();

        var view = BallotPages.Of(tally, tally.Secret!, s.Authority, s.Issue, record);

        Assert.Equal(BallotPhase.Voting, view.Phase);
        Assert.Equal(["member-kai", "member-max", "member-mia"], view.Candidates.Select(c => c.Login));
        Assert.Equal("I have maintained the scanner for three years.", view.Candidates[0].Statement);
        Assert.Null(view.Candidates[1].Statement);
        // random-rita holds no voters role; chair-carla's ID is unknown, so the page cannot let her in by ID.
        Assert.Equal([11L, 12L, 13L], view.Electorate);
        Assert.Equal("the chairs: @chair-carla", view.WhoToAsk);
    }
}

/// <summary>The secret-ballot keys of <c>elections:</c> as the loader reads them.</summary>
public sealed class SecretBallotPolicyTests
{
    [Fact]
    public void The_keys_read_a_ranked_secret_ballot()
    {
        var result = PolicyLoader.Load("elections:\n  ballot: secret\n  ballot_type: ranked\n  allow_no_opinion: false\n  ballots_path: /governance/ballots/\n", ".github/tagbot.yml");

        Assert.Empty(result.Errors);
        var rules = result.Policy!.Elections;
        Assert.Equal((BallotMode.Secret, BallotKind.Ranked, false, "governance/ballots"), (rules.Ballot, rules.BallotType, rules.AllowNoOpinion, rules.BallotsPath));
    }

    [Fact]
    public void Comments_are_the_default_ballot()
    {
        var rules = Policy.Default.Elections;

        Assert.Equal((BallotMode.Comments, BallotKind.Approval, true), (rules.Ballot, rules.BallotType, rules.AllowNoOpinion));
    }

    [Fact]
    public void An_unknown_ballot_names_file_line_and_key()
    {
        var error = Assert.Single(PolicyLoader.Load("elections:\n  ballot: sealed\n", ".github/tagbot.yml").Errors);

        Assert.Equal((".github/tagbot.yml", 2, "elections.ballot"), (error.File, error.Line, error.Key));
        Assert.Contains("comments | secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_ballot_cannot_close_when_decided()
    {
        var error = Assert.Single(PolicyLoader.Load("elections:\n  ballot: secret\n  close_when_decided: true\n", ".github/tagbot.yml").Errors);

        Assert.Equal(("elections.close_when_decided", 3), (error.Key, error.Line));
        Assert.Contains("ballots stay sealed until the close", error.Message, StringComparison.Ordinal);
    }
}
