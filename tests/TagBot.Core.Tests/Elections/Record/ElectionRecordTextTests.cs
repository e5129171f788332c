using TagBot.Core.Elections.Record;
using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Elections.Record;

public sealed class ElectionRecordTextTests
{
    private static readonly ElectionRecord Sample = new(
        "5f3c0a9e1d2b4c6a8e0f1a2b3c4d5e6f7a8b9c0d",
        [new FrozenFile(".github/tagbot.yml", "aa11"), new FrozenFile("governance/roster.yaml", "bb22")],
        new DateTimeOffset(2026, 12, 3, 11, 0, 5, TimeSpan.Zero),
        [new FrozenPerson("alice", 101), new FrozenPerson("Bob-B", 202), new FrozenPerson("ghost-login", null)]);

    private static string Render(ElectionRecord record) =>
        ElectionRecordText.Render(record, new Authority(Policy.Default, Roster.Empty));

    [Fact]
    public void A_rendered_record_reads_back_as_the_same_record()
    {
        var read = ElectionRecordText.Parse(Render(Sample));

        Assert.NotNull(read);
        Assert.Equal(Sample.Commit, read.Commit);
        Assert.Equal(Sample.FrozenAt, read.FrozenAt);
        Assert.Equal(Sample.Files, read.Files);
        Assert.Equal(Sample.People, read.People);
    }

    [Fact]
    public void A_record_saved_with_CRLF_line_ends_still_reads()
    {
        Assert.Equal(Sample.People, ElectionRecordText.Parse(Render(Sample).ReplaceLineEndings("\r\n"))!.People);
    }

    [Theory]
    [InlineData("commit ", "commit-x ")]
    [InlineData("alice 101", "alice 10x")]
    [InlineData("```\n\n</details>", "\n\n</details>")]
    public void A_damaged_record_is_not_read(string part, string damaged)
    {
        Assert.Null(ElectionRecordText.Parse(Render(Sample).Replace(part, damaged, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_roll_of_1502_voters_fits_in_one_GitHub_comment()
    {
        var people = Enumerable.Range(0, 1502).Select(i => new FrozenPerson($"kubernetes-voter-{i:0000}", 10_000_000 + i)).ToList();

        var body = Render(Sample with { People = people });

        Assert.True(body.Length < 65_536, $"{body.Length} characters");
        Assert.Equal(1502, ElectionRecordText.Parse(body)!.People.Count);
    }

    [Fact]
    public void Ids_and_logins_are_looked_up_case_insensitively_by_login_and_exactly_by_id()
    {
        Assert.Equal(202, Sample.IdOf("bob-b"));
        Assert.Equal("Bob-B", Sample.LoginOf(202));
        Assert.Null(Sample.LoginOf(0));
        Assert.Null(Sample.IdOf("ghost-login"));
    }
}
