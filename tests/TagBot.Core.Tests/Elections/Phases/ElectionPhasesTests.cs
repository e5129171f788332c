using TagBot.Core.Elections.Phases;
using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Elections.Phases;

public sealed class ElectionPhasesTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("voting closes: 2026-12-17 17:00 UTC", "2026-12-17T17:00:00Z")]
    [InlineData("Voting closes: `2026-12-17T17:00Z`", "2026-12-17T17:00:00Z")]
    [InlineData("voting closes: 2026-12-17", "2026-12-18T00:00:00Z")]
    [InlineData("### Voting closes\n\n2026-12-17 17:00", "2026-12-17T17:00:00Z")]
    public void The_issue_body_gives_the_voting_deadline_in_UTC(string body, string expected)
    {
        var phases = ElectionPhases.FromBody("Please nominate.\n" + body + "\n", ElectionPolicy.Default, Opened);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), phases.VotingCloses);
        Assert.Empty(phases.Problems);
    }

    [Fact]
    public void Without_a_line_the_policy_counts_days_from_the_opening()
    {
        var rules = ElectionPolicy.Default with { NominationsDays = 3, VotingDays = 7, MinOpenDays = 2 };

        var phases = ElectionPhases.FromBody("", rules, Opened);

        Assert.Equal(Opened.AddDays(3), phases.NominationsClose);
        Assert.Equal(Opened.AddDays(7), phases.VotingCloses);
        Assert.Equal(Opened.AddDays(2), phases.EarliestClose);
    }

    [Fact]
    public void An_unreadable_time_is_a_problem_and_no_deadline()
    {
        var phases = ElectionPhases.FromBody("voting closes: next Friday", ElectionPolicy.Default with { VotingDays = 7 }, Opened);

        Assert.Null(phases.VotingCloses);
        Assert.Contains("cannot read as one time", Assert.Single(phases.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Nominations_closing_after_the_vote_close_with_it()
    {
        var phases = ElectionPhases.FromBody("nominations close: 2026-12-20\nvoting closes: 2026-12-10", ElectionPolicy.Default, Opened);

        Assert.Equal(phases.VotingCloses, phases.NominationsClose);
        Assert.Single(phases.Problems);
    }

    [Fact]
    public void The_body_GitHub_renders_from_the_issue_form_gives_both_deadlines_and_an_empty_answer_none()
    {
        const string body = "### Role\n\nrole: chair\n\n### Nominations close\n\n2026-12-09 17:00\n\n### Voting closes\n\n_No response_\n\n### Notes\n\n_No response_";

        var phases = ElectionPhases.FromBody(body, ElectionPolicy.Default, Opened);

        Assert.Equal(new DateTimeOffset(2026, 12, 9, 17, 0, 0, TimeSpan.Zero), phases.NominationsClose);
        Assert.Null(phases.VotingCloses);
        Assert.Empty(phases.Problems);
    }
}
