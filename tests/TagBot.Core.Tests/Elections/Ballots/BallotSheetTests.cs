using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Tests.Elections.Ballots;

public sealed class BallotSheetTests
{
    private static readonly string[] Candidates = ["carol", "Alice", "bob"];

    [Fact]
    public void Writes_a_header_of_sorted_logins_and_one_row_per_ballot_in_receipt_order()
    {
        CastBallot[] ballots =
        [
            new("ZZ-2", new Ballot([["bob"], ["alice", "carol"]])),
            new("AA-1", Ballot.Ranking("carol")),
            new("MM-3", Ballot.Empty),
        ];

        var csv = BallotSheet.Write(Candidates, ballots);

        Assert.Equal("receipt,Alice,bob,carol\r\nAA-1,,,1\r\nMM-3,,,\r\nZZ-2,2,1,2\r\n", csv);
    }

    [Fact]
    public void Quotes_a_receipt_only_when_RFC_4180_needs_it()
    {
        var csv = BallotSheet.Write(["alice"], [new("a,\"b\"", Ballot.Ranking("alice"))]);

        Assert.Equal("receipt,alice\r\n\"a,\"\"b\"\"\",1\r\n", csv);
        Assert.Equal("a,\"b\"", BallotSheet.Read(csv).Value!.Ballots[0].Receipt);
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        CastBallot[] ballots = [new("R1", new Ballot([["bob", "carol"], ["Alice"]])), new("R2", Ballot.Approving("Alice"))];

        var read = BallotSheet.Read(BallotSheet.Write(Candidates, ballots));

        Assert.True(read.Ok);
        Assert.Equal(["Alice", "bob", "carol"], read.Value!.Candidates);
        Assert.Equal(["bob", "carol"], read.Value.Ballots[0].Ballot.Preferences[0]);
        Assert.Equal(["Alice"], read.Value.Ballots[0].Ballot.Preferences[1]);
        Assert.Equal(["Alice"], Assert.Single(read.Value.Ballots[1].Ballot.Preferences));
    }

    [Fact]
    public void Reads_LF_line_ends_and_a_missing_last_line_end()
    {
        var read = BallotSheet.Read("receipt,alice,bob\nR1,2,1");

        Assert.True(read.Ok);
        Assert.Equal("bob > alice", Profiles.Tiers(read.Value!.Ballots[0].Ballot.Preferences));
    }

    [Fact]
    public void Refuses_to_write_a_ballot_it_cannot_represent()
    {
        var error = Assert.Throws<ArgumentException>(() => BallotSheet.Write(["alice"], [new("R1", Ballot.Ranking("zed"))]));

        Assert.Contains("receipt R1 is invalid: @zed is not a candidate", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BallotSheet.Write(["alice"], [new("R1", Ballot.Empty), new("R1", Ballot.Empty)]));
    }

    [Theory]
    [InlineData("", 1, 1, "the sheet is empty")]
    [InlineData("ballot,alice\r\n", 1, 1, "expected `receipt`")]
    [InlineData("receipt,@alice\r\n", 1, 2, "without the '@'")]
    [InlineData("receipt,alice,ALICE\r\n", 1, 3, "@ALICE is a column twice")]
    [InlineData("receipt,alice,bob\r\nR1,1\r\n", 2, 2, "the row has 2 cells; the header has 3")]
    [InlineData("receipt,alice,bob\r\nR1,1,2,3\r\n", 2, 4, "the row has 4 cells; the header has 3")]
    [InlineData("receipt,alice,bob\r\n,1,2\r\n", 2, 1, "the receipt is empty")]
    [InlineData("receipt,alice,bob\r\nR1,1,2\r\nR1,2,1\r\n", 3, 1, "receipt R1 is already on line 2")]
    [InlineData("receipt,alice,bob\r\nR1,1,x\r\n", 2, 3, "'x' for @bob is not a rank; expected 1 to 2, or empty")]
    [InlineData("receipt,alice,bob\r\nR1,01,\r\n", 2, 2, "'01' for @alice is not a rank")]
    [InlineData("receipt,alice,bob\r\nR1,0,\r\n", 2, 2, "'0' for @alice is not a rank")]
    [InlineData("receipt,alice,bob\r\nR1,3,\r\n", 2, 2, "'3' for @alice is not a rank")]
    [InlineData("receipt,alice,bob\r\nR1, 1,\r\n", 2, 2, "' 1' for @alice is not a rank")]
    [InlineData("receipt,alice,bob,carol\r\nR1,1,3,\r\n", 2, 3, "rank 3 is used but rank 2 is not")]
    [InlineData("receipt,alice\r\nR1,\"1\r\n", 2, 2, "a quoted field is never closed")]
    [InlineData("receipt,alice\r\nR1,\"1\"x\r\n", 2, 2, "text after a closing quote")]
    [InlineData("receipt,alice\r\nR\"1,1\r\n", 2, 1, "a quote inside an unquoted field")]
    [InlineData("receipt,alice\rR1,1\r\n", 1, 2, "a carriage return without a line feed")]
    [InlineData("receipt,alice\r\n\"R\n1\",1\r\nR2,x\r\n", 4, 2, "'x' for @alice is not a rank")]
    public void A_malformed_sheet_is_refused_naming_line_and_column(string csv, int line, int column, string message)
    {
        var read = BallotSheet.Read(csv);

        Assert.False(read.Ok);
        Assert.Null(read.Value);
        var error = read.Errors[0];
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}, column {column}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_row_is_reported_not_only_the_first()
    {
        var read = BallotSheet.Read("receipt,alice\r\nR1,x\r\nR2,1\r\nR3,y\r\n");

        Assert.Equal([2, 4], read.Errors.Select(e => e.Line));
    }
}
