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
