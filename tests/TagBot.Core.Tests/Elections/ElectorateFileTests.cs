using TagBot.Core.Elections;
using TagBot.Core.Elections.Record;
using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Elections;

/// <summary>
/// <c>elections.electorate</c>: the logins the file lists are exactly the binding voters of elections (roles add nobody),
/// proposals keep <c>voters</c>, and a file the host could not read leaves nobody binding and the election unable to close.
/// </summary>
public sealed class ElectorateFileTests
{
    private const string VotersPath = "elections/2026/voters.yaml";

    private static readonly Policy WithElectorate = Policy.Default with
    {
        Elections = Policy.Default.Elections with { Electorate = new ElectorateSettings(VotersPath) },
    };

    // outsider-olga is in no roster role; member-amy holds `member` (a default voter role) but is not listed.
    private static ElectorateFile Voters() =>
        ElectorateFileReader.Read("eligible_voters:\n- outsider-olga\n- Member-Mia\n- lead-lee\n", VotersPath).Electorate!;

    private static ElectionScenario Election(ElectorateFile? electorate)
    {
        var election = new ElectionScenario { Policy = WithElectorate, Electorate = electorate };
        election.Comment("member-mia", "/nominate");
        election.Comment("outsider-olga", "/support @member-mia");
        election.Comment("member-amy", "/support @member-mia");
        election.Comment("lead-lee", "/support @member-mia");
        return election;
    }

    [Fact]
    public void The_listed_voters_are_binding_and_a_roster_voter_not_listed_is_not()
    {
        var tally = Election(Voters()).Tally();

        var binding = tally.Positions.ToDictionary(p => p.Voter, p => p.Binding);
        Assert.True(binding["outsider-olga"], "a listed voter without a roster role is binding");
        Assert.True(binding["lead-lee"]);
        Assert.False(binding["member-amy"], "a `member` the file does not list is not binding");
        var row = Assert.Single(tally.Nominees);
        Assert.Equal((2, 1), (row.BindingSupports, row.NonBindingSupports));
        Assert.Equal(3, tally.Electorate.People);
        Assert.Empty(tally.Problems);
    }

    [Fact]
    public void The_status_counts_the_listed_voters_and_names_the_file()
    {
        var status = Election(Voters()).Status();

        Assert.Contains($"**Electorate:** binding positions come from the 3 voters listed in `{VotersPath}` (`elections.electorate`)", status,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_setting_the_roster_roles_decide_as_before()
    {
        var election = Election(Voters());
        election.Policy = Policy.Default;

        var binding = election.Tally().Positions.ToDictionary(p => p.Voter, p => p.Binding);

        Assert.False(binding["outsider-olga"]);
        Assert.True(binding["member-amy"]);
    }

    [Fact]
    public void Proposals_keep_voters()
    {
        var authority = new Authority(WithElectorate, ElectionScenario.ReadRoster(ElectionScenario.RosterYaml), Voters());

        Assert.True(authority.IsVoter("member-amy"));
        Assert.False(authority.IsVoter("outsider-olga"));
        Assert.False(authority.IsElectionVoter("member-amy"));
        Assert.True(authority.IsElectionVoter("OUTSIDER-olga"));
    }

    [Fact]
    public void An_unreadable_file_leaves_nobody_binding_and_refuses_the_close_saying_why()
    {
        var election = Election(electorate: null);
        var close = election.Comment("chair-carla", "/close-election");

        var tally = election.Tally();

        Assert.All(tally.Positions, p => Assert.False(p.Binding));
        Assert.Equal(ElectionStage.Open, tally.Stage);
        Assert.Contains($"`{VotersPath}` (`elections.electorate`) cannot be read", election.RefusalOf(close), StringComparison.Ordinal);
        Assert.Contains($"`{VotersPath}` (`elections.electorate`) cannot be read", Assert.Single(tally.Problems), StringComparison.Ordinal);
        Assert.Contains("no position is binding until it is fixed", election.Status(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, ElectionStage.Closed)]
    [InlineData(false, ElectionStage.Open)]
    public void An_unreadable_file_holds_the_deadline_close_too(bool readable, ElectionStage stage)
    {
        var election = Election(readable ? Voters() : null);
        election.Body = "voting closes: 2026-03-10";
        var frozen = ElectionRecord.Freeze("c0ffee", [], ElectionScenario.Opened, [], election.Body, WithElectorate.Elections);

        var tally = ElectionEngine.Tally(election.Authority, election.Issue, election.Context with { Record = frozen },
            ElectionScenario.Opened.AddDays(30), () => "help");

        Assert.Equal(stage, tally.Stage);
    }

    [Fact]
    public void The_freeze_records_the_user_ids_of_the_listed_voters_too()
    {
        var roster = ElectionScenario.ReadRoster(ElectionScenario.RosterYaml);

        var logins = ElectionRecord.LoginsOf(roster, Voters());

        Assert.Contains("outsider-olga", logins);
        Assert.Single(logins, l => Login.Comparer.Equals(l, "member-mia"));
        Assert.DoesNotContain("outsider-olga", ElectionRecord.LoginsOf(roster));
    }
}
