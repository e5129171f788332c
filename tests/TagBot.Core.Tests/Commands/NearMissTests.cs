using TagBot.Core.Commands;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Commands;

/// <summary>Near misses of TagBot's own verbs are answered; other bots' verbs stay ignored.</summary>
public class NearMissTests
{
    [Theory]
    [InlineData("close_election", "close-election")]
    [InlineData("Close_Election", "close-election")]
    [InlineData("nomiate", "nominate")]
    [InlineData("suport", "support")]
    [InlineData("supports", "support")]
    [InlineData("break_tie", "break-tie")]
    [InlineData("breaktie", "break-tie")]
    [InlineData("close-elction", "close-election")]
    public void A_near_miss_names_the_verb_it_misses(string written, string meant) => Assert.Equal(meant, CommandCatalog.NearMiss(written));

    [Theory]
    [InlineData("close")]
    [InlineData("lgtm")]
    [InlineData("assign")]
    [InlineData("approve")]
    [InlineData("hold")]
    [InlineData("retest")]
    [InlineData("cc")]
    [InlineData("reopen")]
    [InlineData("label")]
    [InlineData("kind")]
    public void Other_bots_verbs_are_nobodys_near_miss(string verb) => Assert.Null(CommandCatalog.NearMiss(verb));

    [Fact]
    public void On_a_governed_issue_a_near_miss_is_read_as_a_mistyped_command()
    {
        var command = Assert.Single(CommandReader.Read("Closing now.\n/close_election", IssueKind.Election));

        Assert.Equal(new MistypedCommand(2, "/close_election", "close_election", "close-election"), command);
        Assert.Empty(CommandReader.Read("/lgtm\n/assign @me", IssueKind.Election));
    }

    [Fact]
    public void On_an_untracked_issue_a_near_miss_is_left_alone() => Assert.Empty(CommandReader.Read("/nomiate", IssueKind.Other));

    [Fact]
    public void The_author_gets_a_confused_reaction_and_a_reply_with_the_verb()
    {
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var issue = new IssueSnapshot("o/r", 5, "Proposal", "a", at, true, ["proposal"],
            [new IssueComment(21, "bob", false, "/suport", at, "u#21")], "u");

        var desired = IssueDecider.Decide(new DecisionInput(Policy.Default, Roster.Empty, issue, at, []));

        Assert.Equal(new Reaction(21, ReactionKind.Confused), Assert.Single(desired.Reactions));
        Assert.Contains("did you mean `/support`?", Assert.Single(desired.Replies).Body, StringComparison.Ordinal);
    }
}
