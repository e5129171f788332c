using System.Globalization;
using TagBot.Core.Rosters;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Elections;

/// <summary>
/// A whole realistic election over HTTP with the seed's default policy: 15 members across the
/// regions, 6 nominees, positions from voters and outsiders, a decline, a tie broken by a chair,
/// the roster pull request's branch checked line by line, then the merge.
/// </summary>
public sealed class ElectionWorkflowTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private GovernanceWorld _world = null!;
    private DateOnly _today;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(roster: "people: []\n");
        _today = DateOnly.FromDateTime(_world.Clock.GetUtcNow().UtcDateTime);
        GitHub.SetFile(Repo, "governance/roster.yaml", Roster(_today));
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// 15 members over APAC, EMEA and the Americas; tech leads: alice (EMEA) whose term ends in
    /// five days, bob (EMEA) and carol (Americas) who continue past the next election.
    /// </summary>
    private static string Roster(DateOnly today) => $$"""
        # TAG Security roster — maintained by TagBot pull requests.
        people:
          - { github: chair-carla, name: Carla Chair, company: Acme, region: EMEA }
          - { github: alice, name: Alice Lead, company: Acme, region: EMEA }
          - { github: bob, name: Bob Lead, company: Initech, region: EMEA }
          - { github: carol, name: Carol Lead, company: Globex, region: Americas }
          - { github: apac-ann, name: Ann, company: Hooli, region: APAC }
          - { github: apac-ben, name: Ben, company: Soylent, region: APAC }
          - { github: apac-cat, name: Cat, company: Tyrell, region: APAC }
          - { github: apac-dan, name: Dan, company: Wonka, region: APAC }
          - { github: emea-eve, name: Eve, company: Umbrella, region: EMEA }
          - { github: emea-fay, name: Fay, company: Cyberdyne, region: EMEA }
          - { github: am-amy, name: Amy, company: Stark, region: Americas }
          - { github: am-abe, name: Abe, company: Wayne, region: Americas }
          - { github: am-ada, name: Ada, company: Oscorp, region: Americas }
          - { github: am-art, name: Art, company: Vandelay, region: Americas }
          - { github: apac-amo, name: Amo, company: Pied Piper, region: APAC }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
          tech_lead:
            - { github: alice, term: { start: {{D(today.AddYears(-2).AddDays(5))}}, end: {{D(today.AddDays(5))}} } }
            - { github: bob, term: { start: {{D(today.AddYears(-1))}}, end: {{D(today.AddYears(1))}} } }
            - { github: carol, term: { start: {{D(today.AddMonths(-14))}}, end: {{D(today.AddMonths(10))}} } }
          member:
            - { github: apac-ann }
            - { github: apac-ben }
            - { github: apac-cat }
            - { github: apac-dan }
            - { github: apac-amo }
            - { github: emea-eve }
            - { github: emea-fay }
            - { github: am-amy }
            - { github: am-abe }
            - { github: am-ada }
            - { github: am-art }
        emeritus: []
        """;

    private FakeComment StatusComment(int issue) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal));

    private IReadOnlyList<string> BotReactions(long comment) =>
        [.. GitHub.Reactions(comment).Where(r => r.User == GitHub.BotLogin).Select(r => r.Content)];

    private string Reply(int issue, long comment) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Reply(comment), StringComparison.Ordinal)).Body;

    private async Task<long> Say(int issue, string who, string body) => await _world.CommentAsync(issue, who, body);

    [Fact]
    public async Task A_realistic_election_seats_the_elected_through_one_roster_pull_request()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election, first half", "nomination");
        await _world.IdleAsync();
        Assert.Contains("election/open", _world.Labels(issue));
        Assert.Contains("triage-required", _world.Labels(issue));

        // Nominations: four self-nominations, two by the chair; one nominee declines.
        await Say(issue, "apac-ann", "/nominate");
        var benNomination = await Say(issue, "chair-carla", "/nominate @apac-ben APAC");
        await Say(issue, "chair-carla", "/nominate @apac-cat");
        await Say(issue, "alice", "I'd like to continue.\n/nominate");
        await Say(issue, "emea-eve", "/nominate EMEA");
        await Say(issue, "am-amy", "/nominate");
        var accept = await Say(issue, "apac-ben", "/accept");
        var decline = await Say(issue, "apac-cat", "Thanks, but not this time.\n/decline");
        var notTheirs = await Say(issue, "apac-dan", "/accept");
        var withoutAt = await Say(issue, "am-abe", "/nominate apac-dan");
        await Say(issue, "lead-less-outsider", "/triage");
        await Say(issue, "bob", "/triage");

        // Positions: binding from members, leads and the chair; non-binding from outsiders.
        await Say(issue, "apac-dan", "/support @apac-ann @apac-ben");
        await Say(issue, "apac-amo", "/support @apac-ann");
        await Say(issue, "am-abe", "/support @apac-ann @apac-ben @am-amy");
        await Say(issue, "emea-fay", "/support @alice @emea-eve");
        await Say(issue, "am-ada", "/support @alice @emea-eve");
        await Say(issue, "random-rita", "/support @alice @am-amy");
        await Say(issue, "random-raj", "/support @alice");
        await Say(issue, "am-art", "/object @am-amy would like more time in the group first");
        var supportsNonNominee = await Say(issue, "am-art", "/support @apac-dan");
        await _world.IdleAsync();

        Assert.Equal(["+1"], BotReactions(accept));
        Assert.Equal(["+1"], BotReactions(decline));
        Assert.Equal(["confused"], BotReactions(notTheirs));
        Assert.Equal(["confused"], BotReactions(withoutAt));
        Assert.Contains("- `/nominate apac-dan`: did you mean `@apac-dan`? A nominee is named with `@`: `/nominate @apac-dan`.",
            Reply(issue, withoutAt), StringComparison.Ordinal);
        Assert.Equal(["+1"], BotReactions(benNomination));
        Assert.Contains("confused", BotReactions(supportsNonNominee));
        Assert.Contains("not nominated", Reply(issue, supportsNonNominee), StringComparison.Ordinal);
        Assert.DoesNotContain("triage-required", _world.Labels(issue));
        var open = StatusComment(issue).Body;
        Assert.Contains("| APAC | 2 | 0 | 2 |", open, StringComparison.Ordinal);
        Assert.Contains("| EMEA | 2 | 1 | 1 |", open, StringComparison.Ordinal);
        Assert.Contains("| Americas | 2 | 1 | 1 |", open, StringComparison.Ordinal);

        // A non-chair cannot close; the chair closes ten days later (alice's term has ended).
        var refusedClose = await Say(issue, "bob", "/close-election");
        await _world.IdleAsync();
        Assert.Contains("chair", Reply(issue, refusedClose), StringComparison.Ordinal);
        Assert.Contains("election/open", _world.Labels(issue));

        _world.Clock.Advance(TimeSpan.FromDays(10));
        await Say(issue, "chair-carla", "/close-election");
        var late = await Say(issue, "emea-fay", "/support @am-amy");
        await _world.IdleAsync();

        // Alice and Eve tie for EMEA's one seat.
        Assert.Contains("election/tie", _world.Labels(issue));
        Assert.Contains("election/closed", _world.Labels(issue));
        Assert.Contains("after the close", Reply(issue, late), StringComparison.Ordinal);
        Assert.Empty(GitHub.PullRequests(Repo));
        var wrongPick = await Say(issue, "chair-carla", "/break-tie @am-amy");
        await _world.IdleAsync();
        Assert.Contains("@alice", Reply(issue, wrongPick), StringComparison.Ordinal);

        var breakTie = await Say(issue, "chair-carla", "/break-tie @emea-eve");
        await _world.IdleAsync();

        Assert.DoesNotContain("election/tie", _world.Labels(issue));
        Assert.Contains("roster/pr-open", _world.Labels(issue));
        var pull = Assert.Single(GitHub.PullRequests(Repo));
        Assert.Equal($"tagbot/election-{issue}", pull.HeadRef);
        Assert.Equal("main", pull.BaseRef);
        Assert.Contains("chair-carla", pull.RequestedReviewers);
        Assert.Contains($"#{issue}", pull.Body, StringComparison.Ordinal);
        Assert.Contains("@emea-eve", pull.Body, StringComparison.Ordinal);

        // The branch's roster: the elected seated for 24 months from the break-tie's date, alice to emeritus.
        var start = DateOnly.FromDateTime(GitHub.Comment(breakTie)!.CreatedAt.UtcDateTime);
        var term = new Term(start, start.AddMonths(24));
        var text = GitHub.GetFile(Repo, "governance/roster.yaml", pull.HeadRef)!.Text;
        var roster = RosterReader.Read(text, "governance/roster.yaml").Roster!;
        var leads = roster.HoldersOf("tech_lead").ToDictionary(h => h.GitHub.Value, h => h.Term, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["am-amy", "apac-ann", "apac-ben", "bob", "carol", "emea-eve"], leads.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(term, leads["apac-ann"]);
        Assert.Equal(term, leads["emea-eve"]);
        Assert.Equal(term, leads["am-amy"]);
        var emeritus = Assert.Single(roster.Emeritus);
        Assert.Equal(("alice", "tech_lead"), (emeritus.GitHub.Value, emeritus.Role));
        Assert.StartsWith("# TAG Security roster", text, StringComparison.Ordinal);
        var main = GitHub.GetFile(Repo, "governance/roster.yaml", "main")!.Text;
        Assert.Equal(main.Split('\n').Where(l => l.Contains("name:", StringComparison.Ordinal)), text.Split('\n').Where(l => l.Contains("name:", StringComparison.Ordinal)));

        // One result comment (the tie) and one final result; redelivering the final command changes nothing.
        Assert.Equal(2, GitHub.Comments(Repo, issue).Count(c => TagBot.Core.Elections.ElectionResult.IsResult(c.Body)));
        var branchSha = GitHub.Branches(Repo).Single(b => b.Name == pull.HeadRef).Sha;
        await _world.Deliver("issue_comment", Payloads.IssueComment("created", Repo, GovernanceWorld.Installation, issue, _world.Labels(issue),
            breakTie, "chair-carla", "/break-tie @emea-eve"));
        await _world.SweepAsync();
        Assert.Single(GitHub.PullRequests(Repo));
        Assert.Equal(branchSha, GitHub.Branches(Repo).Single(b => b.Name == pull.HeadRef).Sha);
        Assert.Equal(2, GitHub.Comments(Repo, issue).Count(c => TagBot.Core.Elections.ElectionResult.IsResult(c.Body)));

        // Maintainers merge: the issue is labelled, told, and closed.
        GitHub.MergePullRequest(Repo, pull.Number, "chair-carla");
        await _world.Deliver("pull_request", Payloads.PullRequestClosed(Repo, GovernanceWorld.Installation, pull.Number, pull.HeadRef, merged: true, "chair-carla"));
        await _world.IdleAsync();

        Assert.Contains("roster/updated", _world.Labels(issue));
        Assert.DoesNotContain("roster/pr-open", _world.Labels(issue));
        Assert.False(GitHub.Issue(Repo, issue).IsOpen);
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith("<!-- tagbot:roster-merged -->", StringComparison.Ordinal));
        StatusComment(issue);
    }

    [Fact]
    public async Task A_roster_pull_request_closed_unmerged_is_reported_and_the_election_stays_closed()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await Say(issue, "apac-ann", "/nominate");
        await Say(issue, "apac-dan", "/support @apac-ann");
        await Say(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();
        var pull = Assert.Single(GitHub.PullRequests(Repo));

        GitHub.ClosePullRequest(Repo, pull.Number, "chair-carla");
        await _world.Deliver("pull_request", Payloads.PullRequestClosed(Repo, GovernanceWorld.Installation, pull.Number, pull.HeadRef, merged: false, "chair-carla"));
        await _world.IdleAsync();

        Assert.Contains("election/closed", _world.Labels(issue));
        Assert.DoesNotContain("roster/pr-open", _world.Labels(issue));
        Assert.DoesNotContain("roster/updated", _world.Labels(issue));
        Assert.True(GitHub.Issue(Repo, issue).IsOpen);
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith("<!-- tagbot:roster-closed -->", StringComparison.Ordinal));
        Assert.Single(GitHub.PullRequests(Repo));
    }
}
