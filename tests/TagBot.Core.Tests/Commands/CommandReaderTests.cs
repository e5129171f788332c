using TagBot.Core.Commands;

namespace TagBot.Core.Tests.Commands;

public class CommandReaderTests
{
    public static TheoryData<string> ExamplesOfGovernanceCommands() =>
        new(CommandCatalog.Families
            .Where(family => !family.Where.Contains(IssueKind.Other))
            .SelectMany(family => family.Usages)
            .Select(usage => usage.Example));

    [Fact]
    public void Reads_every_command_of_a_comment_in_body_order()
    {
        const string body = """
            Bob has led the threat-modelling work all year.

            /nominate @bob EMEA
            /support @bob @carol
            /lgtm
            > /object @bob quoted from elsewhere
            /object @dave not a member yet
            /tagbot status
            """;

        var commands = CommandReader.Read(body, IssueKind.Election);

        Assert.Collection(
            commands,
            c => Assert.Equal(new NominateCommand(3, "/nominate @bob EMEA", "bob", "EMEA"), c),
            c => Assert.Equal(["bob", "carol"], Assert.IsType<SupportCommand>(c).Nominees),
            c => Assert.Equal(new ObjectCommand(7, "/object @dave not a member yet", "dave", "not a member yet"), c),
            c => Assert.Equal(new StatusCommand(8, "/tagbot status"), c));
        Assert.Equal(4, commands[1].LineNumber);
    }

    [Theory]
    [InlineData(IssueKind.Proposal)]
    [InlineData(IssueKind.Election)]
    [InlineData(IssueKind.Other)]
    public void Drops_verbs_of_other_bots(IssueKind kind) =>
        Assert.Empty(CommandReader.Read("/lgtm\n/assign @me\n/cc @alice\n/help", kind));

    [Fact]
    public void The_same_verb_twice_gives_two_commands()
    {
        var commands = CommandReader.Read("/support\n/support", IssueKind.Proposal);

        Assert.Equal([1, 2], commands.Select(c => Assert.IsType<SupportCommand>(c).LineNumber));
    }

    [Fact]
    public void Reads_the_arguments_for_the_kind_of_issue()
    {
        Assert.IsType<SupportCommand>(Assert.Single(CommandReader.Read("/support alice", IssueKind.Proposal)));
        Assert.IsType<MalformedCommand>(Assert.Single(CommandReader.Read("/support alice", IssueKind.Election)));
    }

    [Fact]
    public void Passes_malformed_commands_through_in_order()
    {
        var commands = CommandReader.Read("/object\n/support", IssueKind.Proposal);

        Assert.Equal("object", Assert.IsType<MalformedCommand>(commands[0]).Verb);
        Assert.IsType<SupportCommand>(commands[1]);
    }

    [Theory]
    [InlineData("/nominate @bob", "nominate", IssueKind.Proposal)]
    [InlineData("/accept", "accept", IssueKind.Proposal)]
    [InlineData("/decline", "decline", IssueKind.Proposal)]
    [InlineData("/close-election", "close-election", IssueKind.Proposal)]
    [InlineData("/break-tie @bob", "break-tie", IssueKind.Proposal)]
    [InlineData("/decide accept", "decide", IssueKind.Election)]
    [InlineData("/decide", "decide", IssueKind.Election)] // placement is judged before arguments
    [InlineData("/Nominate", "nominate", IssueKind.Proposal)]
    public void A_known_verb_on_the_wrong_kind_of_issue_is_misplaced(string line, string verb, IssueKind kind) =>
        Assert.Equal(
            new MisplacedCommand(2, line, verb, kind),
            Assert.Single(CommandReader.Read($"Hello\n{line}", kind)));

    [Theory]
    [MemberData(nameof(ExamplesOfGovernanceCommands))]
    public void An_ungoverned_issue_ignores_governance_commands(string example) =>
        Assert.Empty(CommandReader.Read(example, IssueKind.Other));

    [Fact]
    public void An_ungoverned_issue_still_answers_tagbot()
    {
        var commands = CommandReader.Read("/support\n/tagbot help\n/tagbot status\n/tagbot", IssueKind.Other);

        Assert.Collection(
            commands,
            c => Assert.IsType<HelpCommand>(c),
            c => Assert.IsType<StatusCommand>(c),
            c => Assert.IsType<MalformedCommand>(c));
    }

    [Fact]
    public void Reads_nothing_from_an_empty_body() => Assert.Empty(CommandReader.Read("", IssueKind.Proposal));
}
