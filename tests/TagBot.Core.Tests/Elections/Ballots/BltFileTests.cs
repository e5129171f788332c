using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Tests.Elections.Ballots;

public sealed class BltFileTests
{
    [Fact]
    public void Writes_the_BLT_layout_with_equal_ranks_and_empty_ballots()
    {
        CastBallot[] ballots =
        [
            new("R2", new Ballot([["carol"], ["alice", "bob"]])),
            new("R1", Ballot.Ranking("bob", "alice")),
            new("R3", Ballot.Empty),
        ];

        var blt = BltFile.Write("Steering \"2025\"\nvote", ["carol", "bob", "alice"], 2, ballots, withdrawn: ["carol"]);

        Assert.Equal(
            "3 2\n-3\n1 2 1 0\n1 3 1=2 0\n1 0\n0\n\"alice\"\n\"bob\"\n\"carol\"\n\"Steering '2025' vote\"\n",
            blt);
    }

    [Fact]
    public void Reads_weights_withdrawals_equal_ranks_and_the_title()
    {
        var read = BltFile.Read("3 1\r\n-2\r\n2 1 3 0\r\n1 2=3  1 0\r\n1 0\r\n0\r\n\"alice\"\r\n\"bob\"\r\n\"carol\"\r\n\"TOC\"\r\n\r\n");

        Assert.True(read.Ok, string.Join("; ", read.Errors));
        var file = read.Value!;
        Assert.Equal("TOC", file.Title);
        Assert.Equal(1, file.Seats);
        Assert.Equal(["alice", "bob", "carol"], file.Candidates);
        Assert.Equal(["bob"], file.Withdrawn);
        Assert.Equal(4, file.Ballots.Count);
        Assert.Equal("alice > carol", Profiles.Tiers(file.Ballots[0].Preferences));
        Assert.Equal("alice > carol", Profiles.Tiers(file.Ballots[1].Preferences));
        Assert.Equal("bob=carol > alice", Profiles.Tiers(file.Ballots[2].Preferences));
        Assert.Empty(file.Ballots[3].Preferences);
    }

    [Theory]
    [InlineData("", 1, 1, "the file ends where the first line")]
    [InlineData("3\n", 1, 1, "two numbers")]
    [InlineData("0 1\n", 1, 1, "'0' is not the number of candidates")]
    [InlineData("2 3\n", 1, 3, "'3' is not the number of seats")]
    [InlineData("2 1\n-3\n0\n", 2, 1, "'-3' is not a withdrawn candidate")]
    [InlineData("2 1\n-1 -1\n0\n", 2, 4, "candidate 1 is withdrawn twice")]
    [InlineData("2 1\n1 1 2\n", 2, 6, "a ballot line ends with 0")]
    [InlineData("2 1\n0 1 0\n", 2, 1, "'0' is not the ballot's weight")]
    [InlineData("2 1\n1 1 3 0\n", 2, 5, "'3' is not a candidate number (1 to 2)")]
    [InlineData("2 1\n1 1 2=1 0\n", 2, 7, "candidate 1 is on the ballot twice")]
    [InlineData("2 1\n1 1=x 0\n", 2, 5, "'x' is not a candidate number")]
    [InlineData("2 1\n1 1 0\n\n0\n", 3, 1, "a blank line")]
    [InlineData("2 1\n1 1 0\n", 3, 1, "the file ends where a ballot or `0`")]
    [InlineData("2 1\n0\n\"alice\"\nbob\n\"t\"\n", 4, 1, "expected the name of candidate 2 in double quotes, found 'bob'")]
    [InlineData("2 1\n0\n\"alice\"\n\"Alice\"\n\"t\"\n", 4, 1, "\"Alice\" is a candidate twice")]
    [InlineData("2 1\n0\n\"alice\"\n\"\"\n\"t\"\n", 4, 1, "the name of candidate 2 is empty")]
    [InlineData("2 1\n0\n\"alice\"\n\"bob\"\n", 5, 1, "the file ends where the title")]
    [InlineData("2 1\n0\n\"alice\"\n\"bob\"\n\"t\"\nmore\n", 6, 1, "text after the title")]
    [InlineData("1 1\n1000001 1 0\n0\n\"a\"\n\"t\"\n", 2, 1, "more than 1000000 ballots")]
    public void A_malformed_file_is_refused_naming_line_and_character(string blt, int line, int column, string message)
    {
        var read = BltFile.Read(blt);

        Assert.False(read.Ok);
        var error = Assert.Single(read.Errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_write_an_invalid_ballot_or_an_unknown_withdrawal()
    {
        Assert.Throws<ArgumentException>(() => BltFile.Write("t", ["alice"], 1, [new("R1", Ballot.Ranking("alice", "alice"))]));
        Assert.Throws<ArgumentException>(() => BltFile.Write("t", ["alice"], 1, [], withdrawn: ["zed"]));
    }
}
