using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Governance;

/// <summary>The regions trap, told before anyone nominates.</summary>
public class RegionCheckTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static Roster Leads(params Person[] people) => new(
        people,
        new Dictionary<string, IReadOnlyList<SeatHolder>> { ["tech_lead"] = [.. people.Select(p => new SeatHolder(p.GitHub, new Term(new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1))))] },
        []);

    [Fact]
    public void Default_regions_over_a_roster_without_regions_are_warned_about_with_both_ways_out()
    {
        var cncf = Policy.Default with { Roster = new RosterSettings("tags.yaml", RosterFormat.CncfToc, "tag-security") };

        var warning = RegionCheck.Warning(cncf, Leads(new Person("lee", "Lee", null, null), new Person("eve", "Eve", null, null)));

        Assert.NotNull(warning);
        Assert.Contains("nobody in the roster has", warning, StringComparison.Ordinal);
        Assert.Contains("roster.members_path", warning, StringComparison.Ordinal);
        Assert.Contains("`regions: []` and `roles.tech_lead.seats: N`", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void One_person_with_a_known_region_is_enough() =>
        Assert.Null(RegionCheck.Warning(Policy.Default, Leads(new Person("lee", null, null, null), new Person("eve", null, null, "emea"))));

    [Fact]
    public void A_policy_without_regions_or_without_regional_seats_needs_none()
    {
        var people = Leads(new Person("lee", null, null, null));
        Assert.Null(RegionCheck.Warning(Policy.Default with { Regions = [] }, people));
        var seats = Policy.Default with
        {
            Roles = Policy.Default.Roles.ToDictionary(r => r.Key, r => r.Value with { SeatsPerRegion = null }),
        };
        Assert.Null(RegionCheck.Warning(seats, people));
    }

    [Fact]
    public void The_election_status_comment_starts_with_the_warning_before_anyone_nominates()
    {
        var issue = new IssueSnapshot("o/r", 3, "Tech lead election", "chair", At, true, ["nomination"], [], "u");
        var roster = Leads(new Person("lee", null, null, null));

        var status = IssueDecider.Decide(new DecisionInput(Policy.Default, roster, issue, At, [])).StatusComment!;

        Assert.True(status.IndexOf("nobody in the roster has", StringComparison.Ordinal) < status.IndexOf("### Seats up", StringComparison.Ordinal), status);
        Assert.Contains("> [!WARNING]", status, StringComparison.Ordinal);
    }
}
