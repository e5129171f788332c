using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Tests.Elections.Ballots;

public sealed class BallotCountTests
{
    private static readonly string[] Candidates = ["alice", "bob", "carol"];

    [Theory]
    [InlineData(BallotKind.Ranked)]
    [InlineData(BallotKind.Approval)]
    public void A_ballot_naming_candidates_once_is_valid(BallotKind kind)
    {
        Assert.Null(BallotCount.Validate(kind, Candidates, Ballot.Approving("alice", "CAROL")));
        Assert.Null(BallotCount.Validate(kind, Candidates, Ballot.Empty));
    }

    [Fact]
    public void A_ballot_naming_someone_not_standing_is_invalid_and_says_who_is()
    {
        Assert.Equal(
            "@zed is not a candidate (the candidates are @alice, @bob, @carol)",
            BallotCount.Validate(BallotKind.Ranked, Candidates, Ballot.Ranking("alice", "zed")));
    }

    [Fact]
    public void A_ballot_naming_a_candidate_twice_in_any_case_is_invalid()
    {
        Assert.Equal("@alice is marked twice", BallotCount.Validate(BallotKind.Ranked, Candidates, Ballot.Ranking("alice", "bob", "ALICE")));
        Assert.Equal("@bob is marked twice", BallotCount.Validate(BallotKind.Approval, Candidates, Ballot.Approving("bob", "Bob")));
    }

    [Fact]
    public void A_ballot_with_an_empty_rank_is_invalid()
    {
        Assert.Equal("rank 2 names nobody", BallotCount.Validate(BallotKind.Ranked, Candidates, new Ballot([["alice"], [], ["bob"]])));
    }

    [Fact]
    public void An_approval_ballot_with_ranks_is_invalid()
    {
        Assert.Equal(
            "an approval ballot approves one group of candidates; this one has 2 ranks",
            BallotCount.Validate(BallotKind.Approval, Candidates, Ballot.Ranking("alice", "bob")));
    }

    [Fact]
    public void The_count_reports_invalid_ballots_with_number_and_receipt_and_counts_the_rest()
    {
        CastBallot[] ballots =
        [
            new("R-1", Ballot.Ranking("bob", "alice")),
            new("R-2", Ballot.Ranking("zed")),
            new("R-3", Ballot.Ranking("bob")),
        ];

        var result = BallotCount.CountCast(BallotKind.Ranked, Candidates, ballots);

        Assert.Equal(2, result.Counted);
        Assert.Equal([new InvalidBallot(2, "R-2", "@zed is not a candidate (the candidates are @alice, @bob, @carol)")], result.Invalid);
        Assert.Equal(["bob"], result.Winners);
    }

    [Fact]
    public void Invalid_plain_ballots_are_reported_without_receipt()
    {
        var result = BallotCount.Count(BallotKind.Approval, Candidates, [Ballot.Approving("alice", "alice")]);

        Assert.Equal([new InvalidBallot(1, null, "@alice is marked twice")], result.Invalid);
        Assert.Equal(0, result.Counted);
    }

    [Fact]
    public void Ranked_scores_count_the_candidates_in_lower_tiers()
    {
        var result = BallotCount.Count(BallotKind.Ranked, ["alice", "bob", "carol", "dave"], [new Ballot([["carol"], ["alice", "bob"]])]);

        Assert.Equal("carol > alice=bob > dave", Profiles.Tiers(result.Order));
        Assert.Equal(3, result.Score("carol"));
        Assert.Equal(1, result.Score("ALICE"));
        Assert.Equal(1, result.Score("bob"));
        Assert.Equal(0, result.Score("dave"));
        Assert.NotNull(result.Schulze);
    }

    [Fact]
    public void Approval_scores_are_the_approvals_and_ties_share_a_tier()
    {
        Ballot[] ballots = [Ballot.Approving("alice", "bob"), Ballot.Approving("bob"), Ballot.Approving("carol", "alice"), Ballot.Empty];

        var result = BallotCount.Count(BallotKind.Approval, ["carol", "bob", "alice", "dave"], ballots);

        Assert.Equal("alice=bob > carol > dave", Profiles.Tiers(result.Order));
        Assert.Equal(2, result.Score("alice"));
        Assert.Equal(2, result.Score("bob"));
        Assert.Equal(1, result.Score("carol"));
        Assert.Equal(0, result.Score("dave"));
        Assert.Equal(4, result.Counted);
        Assert.Null(result.Schulze);
    }

    [Fact]
    public void Candidates_come_out_sorted_by_login_whatever_the_order_in()
    {
        var result = BallotCount.Count(BallotKind.Approval, ["carol", "Bob", "alice"], []);

        Assert.Equal(["alice", "Bob", "carol"], result.Candidates);
        Assert.Equal(["alice", "Bob", "carol"], result.Winners);
    }

    [Fact]
    public void A_candidate_listed_twice_is_a_caller_error()
    {
        var error = Assert.Throws<ArgumentException>(() => BallotCount.Count(BallotKind.Ranked, ["alice", "Alice"], []));

        Assert.Contains("a candidate twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_candidates_count_to_an_empty_order()
    {
        var result = BallotCount.Count(BallotKind.Ranked, [], [Ballot.Empty]);

        Assert.Empty(result.Order);
        Assert.Empty(result.Winners);
        Assert.Equal(1, result.Counted);
    }

    [Fact]
    public void Results_compare_by_value()
    {
        Ballot[] ballots = [Ballot.Ranking("bob", "alice")];

        var a = BallotCount.Count(BallotKind.Ranked, Candidates, ballots);
        var b = BallotCount.Count(BallotKind.Ranked, ["carol", "BOB", "alice"], [Ballot.Ranking("BOB", "alice")]);
        var c = BallotCount.Count(BallotKind.Ranked, Candidates, [Ballot.Ranking("alice", "bob")]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Approval_count_alone_gives_every_candidate_a_count()
    {
        var approvals = ApprovalCount.Count(Candidates, [Ballot.Approving("bob")]);

        Assert.Equal(0, approvals["ALICE"]);
        Assert.Equal(1, approvals["bob"]);
        Assert.Equal("bob > alice=carol", Profiles.Tiers(ApprovalCount.Order(approvals)));
    }
}
