using TagBot.Core.Commands;

namespace TagBot.Core.Tests.Commands;

public class CommandCatalogTests
{
    public static TheoryData<CommandUsage> Usages() =>
        new(CommandCatalog.Families.SelectMany(family => family.Usages));

    [Fact]
    public void Lists_the_families_in_the_documented_order() =>
        Assert.Equal(
            [
                typeof(SupportFamily), typeof(ObjectFamily), typeof(WithdrawFamily), typeof(TriageFamily),
                typeof(DecideFamily), typeof(NominateFamily), typeof(ConsentFamily), typeof(OpenVotingFamily), typeof(CloseElectionFamily), typeof(ReopenElectionFamily),
                typeof(BreakTieFamily), typeof(TagBotFamily),
            ],
            CommandCatalog.Families.Select(family => family.GetType()));

    [Theory]
    [InlineData("support", IssueKind.Proposal, IssueKind.Election)]
    [InlineData("object", IssueKind.Proposal, IssueKind.Election)]
    [InlineData("withdraw", IssueKind.Proposal, IssueKind.Election)]
    [InlineData("triage", IssueKind.Proposal, IssueKind.Election)]
    [InlineData("decide", IssueKind.Proposal)]
    [InlineData("nominate", IssueKind.Election)]
    [InlineData("accept", IssueKind.Election)]
    [InlineData("decline", IssueKind.Election)]
    [InlineData("open-voting", IssueKind.Election)]
    [InlineData("close-election", IssueKind.Election)]
    [InlineData("break-tie", IssueKind.Election)]
    [InlineData("tagbot", IssueKind.Proposal, IssueKind.Election, IssueKind.Other)]
    public void Each_verb_applies_where_the_spec_says(string verb, params IssueKind[] kinds) =>
        Assert.Equal(kinds.ToHashSet(), CommandCatalog.Find(verb)?.Where);

    [Fact]
    public void Every_verb_belongs_to_one_family()
    {
        var owners = CommandCatalog.Families.SelectMany(family => family.Verbs, (family, verb) => (verb, family)).ToList();

        Assert.Equal(13, owners.Count);
        Assert.All(owners, owner => Assert.Same(owner.family, CommandCatalog.Find(owner.verb)));
    }

    [Theory]
    [InlineData("SUPPORT")]
    [InlineData("Close-Election")]
    public void Finds_verbs_in_any_case(string verb) => Assert.NotNull(CommandCatalog.Find(verb));

    [Theory]
    [InlineData("lgtm")]
    [InlineData("assign")]
    [InlineData("help")]
    public void Does_not_find_other_bots_verbs(string verb) => Assert.Null(CommandCatalog.Find(verb));

    [Theory]
    [MemberData(nameof(Usages))]
    public void Every_usage_is_complete_help_text(CommandUsage usage)
    {
        Assert.StartsWith($"/{usage.Verb}", usage.Syntax);
        Assert.NotEmpty(usage.Where);
        Assert.False(string.IsNullOrWhiteSpace(usage.Who));
        Assert.EndsWith(".", usage.Summary);
    }

    [Theory]
    [MemberData(nameof(Usages))]
    public void Every_example_works_as_written_wherever_its_usage_applies(CommandUsage usage)
    {
        foreach (var kind in usage.Where)
        {
            var command = Assert.Single(CommandReader.Read(usage.Example, kind));

            Assert.IsNotType<MalformedCommand>(command);
            Assert.IsNotType<MisplacedCommand>(command);
            Assert.Equal(usage.Example, command.Text);
        }
    }
}
