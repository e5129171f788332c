using System.Globalization;
using TagBot.Core.Rosters;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Schedule;

/// <summary>
/// Scheduled elections and terms over HTTP, driven by the sweep and a clock moved forward day by day:
/// the election issue opened once, the reminder posted once, the holder whose term ended without
/// re-election moved to emeritus by one roster pull request.
/// </summary>
public sealed class ScheduleWorkflowTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;

    private const string Policy = """
        elections:
          schedule: { enabled: true, lead_days: 30, reminder_days: 30 }
        """;

    private GovernanceWorld _world = null!;
    private DateOnly _day0;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(Policy, roster: "people: []\n");
        _day0 = DateOnly.FromDateTime(_world.Clock.GetUtcNow().UtcDateTime);
        GitHub.SetFile(Repo, "governance/roster.yaml", Roster(_day0));
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Tech leads: alice (EMEA) until day 40, bob (APAC) until day 100, carol (Americas) until day 400.</summary>
    private static string Roster(DateOnly day0) => $$"""
        # TAG Security roster
        people:
          - { github: chair-carla, name: Carla Chair, company: Acme, region: EMEA }
          - { github: alice, name: Alice Lead, company: Initech, region: EMEA }
          - { github: bob, name: Bob Lead, company: Globex, region: APAC }
          - { github: carol, name: Carol Lead, company: Hooli, region: Americas }
          - { github: member-mia, name: Mia Member, company: Umbrella, region: Americas }
        roles:
          chair:
            - { github: chair-carla, term: { start: {{D(day0.AddYears(-1))}}, end: {{D(day0.AddYears(1))}} } }
          tech_lead:
            - { github: alice, term: { start: {{D(day0.AddDays(40).AddMonths(-24))}}, end: {{D(day0.AddDays(40))}} } }
            - { github: bob, term: { start: {{D(day0.AddDays(100).AddMonths(-24))}}, end: {{D(day0.AddDays(100))}} } }
            - { github: carol, term: { start: {{D(day0.AddDays(400).AddMonths(-24))}}, end: {{D(day0.AddDays(400))}} } }
          member:
            - { github: member-mia }
        emeritus: []
        """;

    /// <summary>Moves the clock to <paramref name="day"/> days after the start, then sweeps.</summary>
    private async Task SweepOnDayAsync(int day)
    {
        var target = _day0.AddDays(day).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var now = _world.Clock.GetUtcNow().UtcDateTime;
        if (target > now)
        {
            _world.Clock.Advance(target - now);
        }

        await _world.SweepAsync();
    }

    private List<FakeIssue> Elections() => [.. GitHub.Issues(Repo).Where(i => !i.IsPullRequest && i.HasLabel("nomination"))];

    private List<FakeComment> Reminders(int issue) =>
        [.. GitHub.Comments(Repo, issue).Where(c => c.Author == GitHub.BotLogin && c.Body.Contains("<!-- tagbot:term-reminder:", StringComparison.Ordinal))];

    private List<FakePullRequest> TermsPullRequests() =>
        [.. GitHub.PullRequests(Repo).Where(p => p.HeadRef.StartsWith("tagbot/terms-", StringComparison.Ordinal))];

    [Fact]
    public async Task The_sweep_opens_the_election_once_reminds_once_and_proposes_the_retirement_once()
    {
        // Day 9: alice's election is due on day 10 (her term ends on day 40, 30 days of lead).
        await SweepOnDayAsync(9);
        Assert.Empty(GitHub.Issues(Repo));

        await SweepOnDayAsync(10);
        await SweepOnDayAsync(10);
        var election = Assert.Single(Elections());
        Assert.Equal(GitHub.BotLogin, election.Author);
        Assert.Equal($"tech_lead election (terms ending {D(_day0.AddDays(40))})", election.Title);
        Assert.StartsWith($"<!-- tagbot:scheduled-election:tech_lead:{D(_day0.AddDays(40))} -->\nrole: tech_lead\n", election.Body, StringComparison.Ordinal);
        Assert.Contains($"**Suggested close: {D(_day0.AddDays(40))}.**", election.Body, StringComparison.Ordinal);
        Assert.Contains("| EMEA | 2 | 0 | 2 |", election.Body, StringComparison.Ordinal);
        Assert.Contains($"<!-- tagbot:term-reminder:tech_lead:alice:{D(_day0.AddDays(40))} -->", election.Body, StringComparison.Ordinal);
        // The fan-out after the schedule reconciled it as an election at once.
        Assert.Contains("election/open", _world.Labels(election.Number));
        Assert.Single(GitHub.Comments(Repo, election.Number), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal));
        Assert.Empty(Reminders(election.Number));

        // Day 70: bob's term ends on day 100; he is reminded on the open election, once. Another bot
        // copying TagBot's marker does not count as the reminder.
        await SweepOnDayAsync(69);
        Assert.Empty(Reminders(election.Number));
        GitHub.AddComment(Repo, election.Number, "copycat[bot]", $"<!-- tagbot:term-reminder:tech_lead:bob:{D(_day0.AddDays(100))} -->");
        await SweepOnDayAsync(70);
        await SweepOnDayAsync(71);
        var reminder = Assert.Single(Reminders(election.Number));
        Assert.Contains($"@bob, your `tech_lead` term ends on **{D(_day0.AddDays(100))}**", reminder.Body, StringComparison.Ordinal);
        Assert.Single(Elections());
        Assert.Empty(GitHub.PullRequests(Repo));

        // Alice stands again and is re-elected; bob does not stand. The election's pull request is merged.
        await _world.CommentAsync(election.Number, "alice", "/nominate");
        await _world.CommentAsync(election.Number, "member-mia", "/support @alice");
        await _world.CommentAsync(election.Number, "chair-carla", "/close-election");
        await _world.IdleAsync();
        var electionPull = Assert.Single(GitHub.PullRequests(Repo));
        GitHub.MergePullRequest(Repo, electionPull.Number, "chair-carla");
        await _world.Deliver("pull_request", Payloads.PullRequestClosed(Repo, GovernanceWorld.Installation, electionPull.Number, electionPull.HeadRef, merged: true, "chair-carla"));
        await _world.IdleAsync();
        Assert.False(GitHub.Issue(Repo, election.Number).IsOpen);

        // Day 100: bob's term has ended without re-election: one pull request moves him to emeritus.
        await SweepOnDayAsync(99);
        Assert.Empty(TermsPullRequests());
        await SweepOnDayAsync(100);
        await SweepOnDayAsync(100);
        await SweepOnDayAsync(101);
        var pull = Assert.Single(TermsPullRequests());
        Assert.Equal("tagbot/terms-" + D(DateOnly.FromDateTime(pull.CreatedAt.UtcDateTime)), pull.HeadRef);
        Assert.Equal(("open", "main"), (pull.State, pull.BaseRef));
        Assert.Contains("chair-carla", pull.RequestedReviewers);
        Assert.StartsWith($"<!-- tagbot:retire:tech_lead:bob:{D(_day0.AddDays(100))} -->", pull.Body, StringComparison.Ordinal);

        var main = GitHub.GetFile(Repo, "governance/roster.yaml", "main")!.Text;
        var branch = GitHub.GetFile(Repo, "governance/roster.yaml", pull.HeadRef)!.Text;
        var before = RosterReader.Read(main, "roster.yaml").Roster!;
        var after = RosterReader.Read(branch, "roster.yaml").Roster!;
        Assert.Equal(["alice", "bob", "carol"], before.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal(["alice", "carol"], after.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal(before.HoldersOf("tech_lead")[0], after.HoldersOf("tech_lead")[0]);
        var emeritus = Assert.Single(after.Emeritus);
        Assert.Equal(("bob", "tech_lead", _day0.AddDays(100)), (emeritus.GitHub.Value, emeritus.Role, emeritus.Term!.End));
        Assert.StartsWith("# TAG Security roster\npeople:", branch, StringComparison.Ordinal);

        // Nothing else was opened along the way: one election, one election pull request, one retirement.
        Assert.Single(Elections());
        Assert.Equal(2, GitHub.PullRequests(Repo).Count);
    }

    [Fact]
    public async Task A_failing_schedule_does_not_hold_back_the_sweep_and_the_next_sweep_catches_up()
    {
        var proposal = GitHub.CreateIssue(Repo, "member-mia", "A proposal TagBot has not seen", "Please comment.", ["proposal"]);
        var failure = GitHub.Faults.Add("POST", $"repos/{Repo}/issues", Fault.Status(500), times: 1);

        await SweepOnDayAsync(10);

        Assert.True(failure.IsConsumed);
        Assert.Empty(Elections());
        Assert.Contains("status/discussion", _world.Labels(proposal));

        await SweepOnDayAsync(11);
        Assert.Single(Elections());
    }

    [Fact]
    public async Task A_retirement_pull_request_closed_unmerged_is_not_proposed_again()
    {
        // An election opened by hand and closed by a chair without a result covered alice's seat; her term then ends.
        var byHand = GitHub.CreateIssue(Repo, "chair-carla", "Tech lead election", "role: tech_lead", ["nomination"]);
        GitHub.CloseIssue(Repo, byHand, "not_planned", "chair-carla");
        await SweepOnDayAsync(40);
        Assert.Single(Elections());
        var first = Assert.Single(TermsPullRequests());
        Assert.StartsWith($"<!-- tagbot:retire:tech_lead:alice:{D(_day0.AddDays(40))} -->", first.Body, StringComparison.Ordinal);

        GitHub.ClosePullRequest(Repo, first.Number, "chair-carla");
        await SweepOnDayAsync(41);
        await SweepOnDayAsync(42);

        Assert.Single(TermsPullRequests());
        Assert.Single(Elections());
    }
}
