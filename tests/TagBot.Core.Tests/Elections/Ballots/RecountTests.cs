using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Tests.Elections.Ballots;

public sealed class RecountTests
{
    public static Arbitrary<int> Seeds() => Gen.Choose(0, int.MaxValue).ToArbitrary();

    private static IReadOnlyList<CastBallot> Cast(IReadOnlyList<Ballot> ballots, Random random) =>
        [.. ballots.Select((b, i) => new CastBallot($"{random.Next(100_000):D5}-{i}", b))];

    [Property(Arbitrary = [typeof(RecountTests)], MaxTest = 200)]
    public void A_recount_of_the_published_sheet_equals_the_count(int seed)
    {
        foreach (var kind in new[] { BallotKind.Ranked, BallotKind.Approval })
        {
            var e = RandomBallots.Build(seed, approval: kind == BallotKind.Approval);
            var cast = Cast(e.Ballots, e.Random);
            var counted = BallotCount.CountCast(kind, e.Candidates, cast);

            var recounted = Recount.FromSheet(kind, e.Candidates.Shuffle(e.Random), BallotSheet.Write(e.Candidates, cast));

            Assert.True(recounted.Ok, string.Join("; ", recounted.Errors));
            Assert.Equal(counted, recounted.Value);
        }
    }

    [Property(Arbitrary = [typeof(RecountTests)], MaxTest = 200)]
    public void A_recount_of_the_published_BLT_equals_the_count(int seed)
    {
        var e = RandomBallots.Build(seed);
        var cast = Cast(e.Ballots, e.Random);
        var counted = BallotCount.Count(BallotKind.Ranked, e.Candidates, e.Ballots);

        var recounted = Recount.FromBlt(BltFile.Write("Election", e.Candidates, 1, cast));

        Assert.True(recounted.Ok, string.Join("; ", recounted.Errors));
        Assert.Equal(counted, recounted.Value);
    }

    [Property(Arbitrary = [typeof(RecountTests)], MaxTest = 200)]
    public void Writing_a_read_sheet_gives_the_same_text(int seed)
    {
        var e = RandomBallots.Build(seed);
        var csv = BallotSheet.Write(e.Candidates, Cast(e.Ballots, e.Random));
        var sheet = BallotSheet.Read(csv).Value!;

        Assert.Equal(csv, BallotSheet.Write(sheet.Candidates, sheet.Ballots));
    }

    [Fact]
    public void A_sheet_for_other_candidates_is_refused()
    {
        var csv = BallotSheet.Write(["alice", "bob"], []);

        var recounted = Recount.FromSheet(BallotKind.Ranked, ["alice", "carol"], csv);

        Assert.Equal("line 1, column 2: the sheet's candidates are @alice, @bob; the election's are @alice, @carol", Assert.Single(recounted.Errors).ToString());
    }

    [Fact]
    public void A_ranked_sheet_recounted_as_approval_reports_the_ranked_ballots_as_invalid()
    {
        var csv = BallotSheet.Write(["alice", "bob"], [new("R1", Ballot.Ranking("alice", "bob")), new("R2", Ballot.Approving("bob"))]);

        var result = Recount.FromSheet(BallotKind.Approval, ["alice", "bob"], csv).Value!;

        Assert.Equal(1, result.Counted);
        Assert.Equal("R1", Assert.Single(result.Invalid).Receipt);
    }

    [Fact]
    public void An_unreadable_file_gives_its_errors()
    {
        Assert.Equal(2, Assert.Single(Recount.FromSheet(BallotKind.Ranked, ["alice"], "receipt,alice\r\nR1,9\r\n").Errors).Line);
        Assert.Equal(1, Assert.Single(Recount.FromBlt("x").Errors).Line);
    }

    [Fact]
    public void The_Wikipedia_example_recounts_from_its_sheet()
    {
        var ballots = Profiles.Of("5 ACBED", "5 ADECB", "8 BEDAC", "3 CABED", "7 CAEBD", "2 CBADE", "7 DCEBA", "8 EBADC");
        var csv = BallotSheet.Write(Profiles.Letters(5), [.. ballots.Select((b, i) => new CastBallot($"R{i:D2}", b))]);

        var result = Recount.FromSheet(BallotKind.Ranked, Profiles.Letters(5), csv).Value!;

        Assert.Equal("E > A > C > B > D", Profiles.Tiers(result.Order));
        Assert.Equal(45, result.Counted);
    }
}
