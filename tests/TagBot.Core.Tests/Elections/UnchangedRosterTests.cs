using TagBot.Core.Governance;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Elections;

/// <summary>A close that changes nothing in the roster opens no (empty) pull request, and says so.</summary>
public class UnchangedRosterTests
{
    /// <summary>Every lead continues past the next election: no seat is up and nobody retires.</summary>
    private const string Continuing = """
        people:
          - { github: chair-carla, region: EMEA }
          - { github: lead-lee, region: APAC }
          - { github: member-mia, region: Americas }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2028-01-01 } }
          tech_lead:
            - { github: lead-lee, term: { start: 2026-01-01, end: 2028-01-01 } }
          member:
            - { github: member-mia }
        emeritus: []
        """;

    private static DesiredState CloseWithNobodyNominated()
    {
        var election = new ElectionScenario { Roster = ElectionScenario.ReadRoster(Continuing) };
        election.Comment("chair-carla", "/close-election", daysAfterOpening: 3);
        return IssueDecider.Decide(new DecisionInput(election.Policy, election.Roster, election.Issue, ElectionScenario.Opened.AddDays(4), [])
        {
            RosterText = Continuing,
        });
    }

    [Fact]
    public void No_pull_request_is_asked_for_and_no_roster_label_is_set()
    {
        var desired = CloseWithNobodyNominated();

        Assert.Null(desired.RosterPullRequestDraft);
        Assert.DoesNotContain("roster/pr-open", desired.Labels);
        Assert.DoesNotContain("cannot be prepared", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_says_the_roster_already_records_the_result_and_the_election_is_closed_once()
    {
        var desired = CloseWithNobodyNominated();

        var notice = Assert.Single(desired.Notices, n => n.Marker == "<!-- tagbot:roster-unchanged -->");
        Assert.Contains("already records this result", notice.Body, StringComparison.Ordinal);
        Assert.Contains("opens no roster pull request", notice.Body, StringComparison.Ordinal);
        Assert.Equal(new Closure("roster-unchanged", Completed: true), desired.Close);
    }

    [Fact]
    public void The_roster_edit_of_an_empty_change_is_the_file_itself()
    {
        var edit = RosterEditor.Apply(TagBot.Core.Policies.RosterSettings.Default, Continuing, new RosterChange());

        Assert.Equal(Continuing, edit.Text);
    }
}
