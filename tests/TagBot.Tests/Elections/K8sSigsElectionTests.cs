using TagBot.Core.Rosters;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Elections;

/// <summary>
/// A Kubernetes group whose leads live in the real <c>sigs.yaml</c> (format <c>k8s-sigs</c>), with regions and
/// members in a TagBot members file: an election run through the real bot over HTTP opens a roster pull request
/// that edits <c>sigs.yaml</c> the way the Kubernetes generator would leave it.
/// </summary>
public sealed class K8sSigsElectionTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private const string Policy = """
        roster:
          path: sigs.yaml
          format: k8s-sigs
          entry: sig-cli
          members_path: governance/members.yaml
        """;

    private const string Members = """
        people:
          - { github: ardaguclu, region: EMEA }
          - { github: mpuckett159, region: Americas }
          - { github: eddiezane, region: Americas }
          - { github: soltysh, region: EMEA }
          - { github: grace, name: Grace Hopper, company: Navy, region: Americas }
          - { github: dan, region: APAC }
        roles:
          member:
            - { github: grace }
            - { github: dan }
        """;

    private static readonly string Sigs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "k8s-community", "sigs.yaml"));
    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(Policy);
        GitHub.SetFile(Repo, "sigs.yaml", Sigs);
        GitHub.SetFile(Repo, "governance/members.yaml", Members);
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task An_elected_tech_lead_is_seated_in_sigs_yaml_in_the_generators_order_without_a_term()
    {
        var issue = await _world.OpenIssueAsync("ardaguclu", "SIG CLI tech lead election", "nomination");
        await _world.CommentAsync(issue, "grace", "/nominate");
        await _world.CommentAsync(issue, "dan", "/support @grace");
        await _world.CommentAsync(issue, "ardaguclu", "/close-election");
        await _world.IdleAsync();

        var status = Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).Body;
        var pull = Assert.Single(GitHub.PullRequests(Repo));
        var edited = GitHub.GetFile(Repo, "sigs.yaml", pull.HeadRef)!.Text;
        var roster = K8sSigsReader.Read(edited, "sigs.yaml", "sig-cli");
        Assert.True(roster.IsValid, status + string.Join("\n", roster.Errors));
        Assert.Equal(["eddiezane", "grace", "soltysh"], roster.Roster!.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Contains("        - github: grace\n          name: Grace Hopper\n          company: Navy\n          email:\n", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("term", edited, StringComparison.Ordinal);
        // Terms have nowhere to go in sigs.yaml, and the members file is left alone.
        Assert.Equal(Members, GitHub.GetFile(Repo, "governance/members.yaml", pull.HeadRef)?.Text ?? Members);
    }
}
