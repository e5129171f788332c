using TagBot.Core.Elections;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Reliability;

/// <summary>
/// GitHub misbehaving on every endpoint TagBot writes to or reads from: whatever the fault, an
/// election and a proposal still converge to the right labels, one status comment, one result
/// and at most one pull request.
/// </summary>
public sealed class FaultConvergenceTests
{
    private const string Repo = GovernanceWorld.Repo;

    public static TheoryData<string> Faults => ["502", "secondary-rate-limit", "429", "primary-rate-limit", "slow", "dropped-connection"];

    private static Fault Make(string kind, TestClock clock) => kind switch
    {
        "502" => Fault.Status(502, "Bad Gateway"),
        "secondary-rate-limit" => Fault.SecondaryRateLimit(1),
        "429" => Fault.TooManyRequests(1),
        "primary-rate-limit" => Fault.PrimaryRateLimit(clock.GetUtcNow().AddSeconds(1)),
        "slow" => Fault.Delay(TimeSpan.FromSeconds(1.5)),
        _ => Fault.Abort(),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Everything_converges_whatever_GitHub_does(string kind)
    {
        await using var world = await GovernanceWorld.StartAsync(roster: GovernanceWorld.DefaultRoster.Replace(
            "    - { github: Member-Max }", "    - { github: Member-Max }\n    - { github: emea-eve }\n    - { github: apac-ann }", StringComparison.Ordinal));
        var github = world.GitHub;
        foreach (var (method, path) in new[]
        {
            ("GET", $"repos/{Repo}/issues/"), ("GET", $"repos/{Repo}/contents/"), ("POST", $"repos/{Repo}/issues/1/comments"),
            ("POST", $"repos/{Repo}/issues/2/comments"), ("PATCH", $"repos/{Repo}/issues/comments/"), ("POST", $"repos/{Repo}/issues/comments/"),
            ("POST", $"repos/{Repo}/issues/1/labels"), ("DELETE", $"repos/{Repo}/issues/"), ("POST", $"repos/{Repo}/git/refs"),
            ("PUT", $"repos/{Repo}/contents/"), ("POST", $"repos/{Repo}/pulls"), ("PATCH", $"repos/{Repo}/issues/2"),
            ("POST", "app/installations/"),
        })
        {
            github.Faults.Add(method, path, Make(kind, world.Clock), times: 2);
        }

        var election = await world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        var proposal = await world.OpenIssueAsync("chair-carla", "Proposal", "proposal");
        await world.CommentAsync(election, "apac-ann", "/nominate APAC");
        await world.CommentAsync(election, "emea-eve", "/nominate EMEA");
        await world.CommentAsync(election, "member-mia", "/support @apac-ann @emea-eve");
        await world.CommentAsync(proposal, "lead-lee", "/support");
        await world.CommentAsync(proposal, "chair-carla", "/decide accept");
        await world.IdleAsync(TimeSpan.FromMinutes(2));
        await world.CommentAsync(election, "chair-carla", "/close-election");
        await world.IdleAsync(TimeSpan.FromMinutes(2));
        await world.SweepAsync();

        Assert.Contains("election/closed", world.Labels(election));
        Assert.Contains("roster/pr-open", world.Labels(election));
        Assert.DoesNotContain("election/open", world.Labels(election));
        Assert.Single(github.Comments(Repo, election), c => Markers.IsStatus(c.Body));
        Assert.Single(github.Comments(Repo, election), c => ElectionResult.IsResult(c.Body));
        var pull = Assert.Single(github.PullRequests(Repo));
        Assert.Contains("apac-ann", github.GetFile(Repo, "governance/roster.yaml", pull.HeadRef)!.Text, StringComparison.Ordinal);

        Assert.Equal(["proposal", "status/accepted"], world.Labels(proposal).Order(StringComparer.Ordinal));
        Assert.False(github.Issue(Repo, proposal).IsOpen);
        Assert.Single(github.Comments(Repo, proposal), c => Markers.IsStatus(c.Body));
        Assert.Empty(github.UnhandledErrors);
    }
}
