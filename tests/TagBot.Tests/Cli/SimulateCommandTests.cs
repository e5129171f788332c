using TagBot.Tests.Harness;

namespace TagBot.Tests.Cli;

/// <summary>
/// <c>TagBot simulate</c> run as the real executable on the shipped examples, as someone trying
/// TagBot on a fresh machine would, and on broken scenarios.
/// </summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-simulate-");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TagBot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return directory.FullName;
    }

    private static string Example(string name) => Path.Combine(RepositoryRoot(), "examples", name);

    private string Write(string text)
    {
        var path = Path.Combine(_directory.FullName, "scenario.yml");
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int? ExitCode, string Output)> SimulateAsync(string path, Dictionary<string, string?>? environment = null)
    {
        using var tagbot = TagBotProcess.Start(environment ?? [], "simulate", path);
        var exitCode = await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, tagbot.Output);
    }

    [Fact]
    public async Task The_seed_election_elects_after_a_tie_and_shows_the_roster_pull_request_with_its_diff()
    {
        var (exitCode, output) = await SimulateAsync(Example("seed-election.yml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Labels: nomination, election/closed, roster/pr-open\n", output, StringComparison.Ordinal);

        // The tie at the close is posted, then broken by a chair; the elected with their terms.
        Assert.Contains("## Election result: `tech_lead` — tied, waiting for `/break-tie`", output, StringComparison.Ordinal);
        Assert.Contains("#24 @marcus-o: /break-tie @sofia-g", output, StringComparison.Ordinal);
        Assert.Contains("| 1 | @kenji-w | APAC | Sakura Cloud | 4 | 2026-03-16 – 2028-03-16 |", output, StringComparison.Ordinal);
        Assert.Contains("| @sofia-g | EMEA | Olive Security | 3 | 2026-03-16 – 2028-03-16 |", output, StringComparison.Ordinal);
        Assert.Contains("| @jamal-b | Americas | Lakeside Labs | 3 | 2026-03-16 – 2028-03-16 |", output, StringComparison.Ordinal);

        // Refused commands are answered, each under the comment it answers.
        Assert.Contains("▶ In reply to #21 by @lukas-m (2026-03-13 17:00 UTC): /close-election", output, StringComparison.Ordinal);
        Assert.Contains("only chairs (`chair`) can close an election", output, StringComparison.Ordinal);
        Assert.Contains("▶ In reply to #20 by @ravi-p", output, StringComparison.Ordinal);

        // The roster pull request: who reviews, and the diff that seats, re-seats and retires.
        Assert.Contains("Title:     Roster: tech_lead election #42 (2026-03-16)", output, StringComparison.Ordinal);
        Assert.Contains("Branch:    tagbot/election-42", output, StringComparison.Ordinal);
        Assert.Contains("Reviewers: @chair-carla, @marcus-o", output, StringComparison.Ordinal);
        Assert.Contains("```diff", output, StringComparison.Ordinal);
        Assert.Contains("\n-    - { github: kenji-w, term: { start: 2024-03-10, end: 2026-03-10 } }\n", output, StringComparison.Ordinal);
        Assert.Contains("\n+    - { github: kenji-w, term: { start: 2026-03-16, end: 2028-03-16 } }\n", output, StringComparison.Ordinal);
        Assert.Contains("\n+    - { github: sofia-g, term: { start: 2026-03-16, end: 2028-03-16 } }\n", output, StringComparison.Ordinal);
        Assert.Contains("\n-    - { github: anna-k, term: { start: 2024-03-01, end: 2026-03-01 } }\n", output, StringComparison.Ordinal);
        Assert.Contains("\n+  - { github: anna-k, role: tech_lead, term: { start: 2024-03-01, end: 2026-03-01 } }\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("github: mei-l, term:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_proposal_reaches_consensus_through_the_sweep_and_is_accepted_by_a_chair()
    {
        var (exitCode, output) = await SimulateAsync(Example("proposal.yml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Labels: proposal, status/accepted\n", output, StringComparison.Ordinal);
        Assert.Contains("#1 @lukas-m: /object regional maximums", output, StringComparison.Ordinal);
        Assert.Contains("labels +status/blocked −status/discussion", output, StringComparison.Ordinal);
        Assert.Contains("#8 @lukas-m: /withdraw                               → 👍; labels +status/discussion −status/blocked", output, StringComparison.Ordinal);
        Assert.Contains("04-08 09:00  periodic sweep                                       → labels +status/consensus −status/discussion", output, StringComparison.Ordinal);
        Assert.Contains("closes the issue (completed)", output, StringComparison.Ordinal);
        Assert.Contains("### Binding positions (2 support, 0 object)", output, StringComparison.Ordinal);
        Assert.Contains("| @cloud-native-fan | support |", output, StringComparison.Ordinal);
        Assert.Contains("▶ In reply to #5 by @ravi-p (2026-04-03 06:00 UTC): /object", output, StringComparison.Ordinal);
        Assert.Contains("An objection needs a reason", output, StringComparison.Ordinal);
        Assert.Contains("this proposal was already decided (accepted)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("── Roster pull request", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deadline_example_closes_at_voting_closes_and_counts_a_voter_who_left_the_roster_mid_vote()
    {
        var (exitCode, output) = await SimulateAsync(Example("election-deadline.yml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("03-23 10:00  commit scenario-1: governance/roster.yaml", output, StringComparison.Ordinal);
        Assert.Contains("03-27 17:00  sweep at the voting deadline", output, StringComparison.Ordinal);
        Assert.Contains("| @luis-m | @tariq-h | support | yes |", output, StringComparison.Ordinal);
        Assert.Contains("| 1 | @tariq-h | EMEA | — | 2 | 2026-03-27 – 2028-03-27 |", output, StringComparison.Ordinal);
        Assert.Contains("nominations closed at 2026-03-20 17:00 UTC", output, StringComparison.Ordinal);
        Assert.Contains("Labels: nomination, election/closed, roster/pr-open\n", output, StringComparison.Ordinal);
    }

    /// <summary>Three people and a chair; carol, a member, supports the only nominee.</summary>
    private const string ThreeMembers = """
        roster: |
          people:
            - { github: chair-carla, region: EMEA }
            - { github: alice, region: EMEA }
            - { github: bob, region: EMEA }
            - { github: carol, region: APAC }
          roles:
            chair:
              - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
            member:
              - { github: alice }
              - { github: bob }
              - { github: carol }
        """;

    [Fact]
    public async Task A_voter_removed_from_the_roster_by_a_commit_mid_vote_still_counts_and_the_pull_request_edits_the_roster_at_the_close()
    {
        // carol's support is the only one: counted with the roster at the commit instead of the frozen
        // one, alice would not be electable and nobody would be elected.
        var path = Write(ThreeMembers + """

            issue: { number: 9, author: chair-carla, created: 2026-03-02T09:00:00Z, labels: [nomination], body: "role: tech_lead" }
            comments:
              - { author: alice, at: 2026-03-02T10:00:00Z, body: "/nominate" }
              - { author: carol, at: 2026-03-05T10:00:00Z, body: "/support @alice" }
              - { author: chair-carla, at: 2026-03-09T09:00:00Z, body: "/close-election" }
            commits:
              - at: 2026-03-04T12:00:00Z
                message: carol steps back from the group
                roster: |
                  people:
                    - { github: chair-carla, region: EMEA }
                    - { github: alice, region: EMEA }
                    - { github: bob, region: EMEA }
                  roles:
                    chair:
                      - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
                    member:
                      - { github: alice }
                      - { github: bob }
            """);

        var (exitCode, output) = await SimulateAsync(path);

        Assert.Equal(0, exitCode);
        Assert.Contains("03-04 12:00  commit scenario-1: governance/roster.yaml  → \"carol steps back from the group\" lands; "
            + "the tally keeps the files frozen at scenario-0\n", output, StringComparison.Ordinal);
        Assert.Contains("| @carol | @alice | support | yes |", output, StringComparison.Ordinal);
        Assert.Contains("| 1 | @alice | EMEA | — | 1 | 2026-03-09 – 2028-03-09 |", output, StringComparison.Ordinal);
        Assert.Contains("**Record:** frozen 2026-03-02 09:00 UTC at commit `scenario-0`", output, StringComparison.Ordinal);
        Assert.Contains("`governance/roster.yaml` has changed on the default branch since the freeze", output, StringComparison.Ordinal);
        Assert.Contains("scenario-1 landed while it was open and changes nothing for it.", output, StringComparison.Ordinal);
        Assert.Contains("The roster pull request edits governance/roster.yaml as it is at scenario-1", output, StringComparison.Ordinal);

        // The diff is against the roster at the close: bob is the last member there (carol followed him in the frozen one).
        Assert.Contains("\n     - { github: bob }\n+  tech_lead:\n+    - { github: alice, term: { start: 2026-03-09, end: 2028-03-09 } }\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_election_whose_body_sets_voting_closes_is_closed_by_the_sweep_at_the_deadline_without_a_close_command()
    {
        var path = Write(ThreeMembers + """

            issue:
              number: 11
              author: chair-carla
              created: 2026-03-02T09:00:00Z
              labels: [nomination]
              body: |
                role: tech_lead
                voting closes: 2026-03-10 17:00 UTC
            comments:
              - { author: alice, at: 2026-03-02T10:00:00Z, body: "/nominate" }
              - { author: bob, at: 2026-03-05T10:00:00Z, body: "/support @alice" }
              - { author: carol, at: 2026-03-11T10:00:00Z, body: "/support @alice" }
            """);

        var (exitCode, output) = await SimulateAsync(path);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("/close-election", output.Split("\nLabels:")[0], StringComparison.Ordinal);
        var deadline = Assert.Single(output.Split('\n'), l => l.StartsWith("03-10 17:00  sweep at the voting deadline ", StringComparison.Ordinal));
        Assert.EndsWith("→ labels +election/closed +roster/pr-open −election/open −triage-required; "
            + "posts: Election result: tech_lead — final; opens the roster pull request (tagbot/election-11)", deadline, StringComparison.Ordinal);
        Assert.Contains("Voting closed 2026-03-10 17:00 UTC: the sweep closed the election then", output, StringComparison.Ordinal);
        Assert.Contains("Closed at its voting deadline, 2026-03-10 17:00 UTC. Nothing after the close changes this result.", output, StringComparison.Ordinal);
        Assert.Contains("Labels: nomination, election/closed, roster/pr-open\n", output, StringComparison.Ordinal);

        // After the deadline: refused as after any close, and the result keeps one binding support.
        Assert.Contains("▶ In reply to #3 by @carol (2026-03-11 10:00 UTC): /support @alice", output, StringComparison.Ordinal);
        Assert.Contains("this election was closed at its voting deadline, 2026-03-10 17:00 UTC", output, StringComparison.Ordinal);
        Assert.Contains("| 1 | @alice | EMEA | — | 1 | 2026-03-10 – 2028-03-10 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_roster_in_a_commit_is_located_at_its_scenario_line_and_nothing_is_simulated()
    {
        var path = Write("""
            roster: |
              people: []
            issue: { author: alice, created: 2026-03-01T09:00:00Z, labels: [proposal] }
            commits:
              - at: 2026-03-02T09:00:00Z
                roster: |
                  people:
                    - { github: "not a login" }
            """);

        var (exitCode, output) = await SimulateAsync(path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}: 1 error(s); nothing was simulated.", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:8:", output, StringComparison.Ordinal);
        Assert.Contains(": commits[0].roster › people[0].github: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_scenario_names_file_line_and_key_and_exits_with_1()
    {
        var path = Write("""
            roster: |
              people: []
            issue:
              number: 7
              author: alice
              created: 2026-13-01
              labelz: [proposal]
            comments:
              - { author: bob, at: 2026-03-02T10:00:00Z }
            """);

        var (exitCode, output) = await SimulateAsync(path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}: 3 error(s); nothing was simulated.", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:6:12: issue.created: expected a date and time such as 2026-03-02T09:00:00Z", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:7:3: issue.labelz: unknown key 'labelz'", output, StringComparison.Ordinal);
        Assert.Contains($"{path}:9:5: comments[0].body: missing", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Labels:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_in_the_embedded_policy_and_yaml_syntax_point_at_the_scenario_lines()
    {
        var policy = Write("""
            policy: |
              proposals:
                support_required: two
            roster: |
              people: []
            issue: { author: alice, created: 2026-03-01T09:00:00Z, labels: [proposal] }
            """);
        var (policyExit, policyOutput) = await SimulateAsync(policy);
        Assert.Equal(1, policyExit);
        Assert.Contains($"{policy}:3:23: policy › proposals.support_required: expected a whole number", policyOutput, StringComparison.Ordinal);

        var syntax = Write("""
            roster: |
              people: []
            issue:
              author: alice
              created: 2026-03-01T09:00:00Z
              labels: [proposal
            """);
        var (syntaxExit, syntaxOutput) = await SimulateAsync(syntax);
        Assert.Equal(1, syntaxExit);
        Assert.Contains($"{syntax}:6:", syntaxOutput, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", syntaxOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_relative_to_the_shell_works_although_dotnet_run_starts_in_the_project_directory()
    {
        // TagBotProcess starts TagBot in its output directory, where examples/ does not exist; the
        // shell that typed the path was at the repository root, as with `dotnet run --project src/TagBot`.
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "examples", "proposal.yml")));

        var (exitCode, output) = await SimulateAsync("examples/proposal.yml", new() { ["PWD"] = RepositoryRoot() });

        Assert.Equal(0, exitCode);
        Assert.Contains("TagBot rehearsal of examples/proposal.yml", output, StringComparison.Ordinal);
        Assert.Contains("Labels: proposal, status/accepted\n", output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
