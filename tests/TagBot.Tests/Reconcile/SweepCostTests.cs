using TagBot.Tests.Harness;
using Xunit.Abstractions;

namespace TagBot.Tests.Reconcile;

/// <summary>
/// What a sweep of unchanged issues costs: 1,000 open watched issues in four repositories of four installations.
/// The first sweep reads each issue once in full and posts its status; a second sweep, with nothing changed, must
/// cost next to no charged requests (304s are not counted by GitHub). Request counts do not depend on the machine,
/// so they are asserted; the printed figures are in docs/performance.md.
/// </summary>
public sealed class SweepCostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_sweep_of_1000_unchanged_watched_issues_costs_almost_no_charged_requests()
    {
        await using var world = await GovernanceWorld.StartAsync(policy: null, workers: 4);
        string[] repositories = [GovernanceWorld.Repo, "cncf/tag-runtime", "kubernetes/steering", "kubernetes/community"];
        for (var r = 0; r < repositories.Length; r++)
        {
            if (r > 0)
            {
                world.GitHub.AddRepository(repositories[r], GovernanceWorld.Installation + r);
                world.GitHub.SetFile(repositories[r], "governance/roster.yaml", GovernanceWorld.DefaultRoster);
            }

            for (var i = 0; i < 250; i++)
            {
                var issue = world.GitHub.CreateIssue(repositories[r], "chair-carla", $"Proposal {i}", "Please comment.", ["proposal"]);
                world.GitHub.AddComment(repositories[r], issue, "member-mia", i % 2 == 0 ? "/support" : "Thoughts.");
            }
        }

        var first = await MeasureAsync(world, "sweep 1 (first sight: full reads, status comments posted)");
        await MeasureAsync(world, "sweep 2 (reads what sweep 1 changed)");
        await MeasureAsync(world, "sweep 3 (the delta at its new since)");
        world.Clock.Advance(TimeSpan.FromMinutes(15));
        var steady = await MeasureAsync(world, "sweep 4, 15 minutes later, nothing changed");

        Assert.True(first.Charged > 1000, "the first sweep reads and posts a status on every issue");
        Assert.InRange(steady.Charged, 0, 10);
    }

    private async Task<(int Total, int Charged)> MeasureAsync(GovernanceWorld world, string name)
    {
        world.GitHub.Requests.Clear();
        var started = DateTime.UtcNow;
        await world.SweepAsync();
        await world.IdleAsync(TimeSpan.FromMinutes(5));
        var elapsed = DateTime.UtcNow - started;
        var requests = world.GitHub.Requests.Snapshot();
        var charged = requests.Count(r => !r.NotModified);
        output.WriteLine($"{name}: {requests.Count} requests, {charged} charged, {requests.Count - charged} answered 304 ({elapsed.TotalSeconds:F1} s)");
        foreach (var group in requests.Where(r => !r.NotModified).GroupBy(r => $"{r.Method} {Shape(r.Path)} -> {r.StatusCode}").OrderByDescending(g => g.Count()).Take(8))
        {
            output.WriteLine($"  charged {group.Count(),5}  {group.Key}");
        }

        return (requests.Count, charged);
    }

    private static string Shape(string path) =>
        string.Join('/', path.Split('?')[0].Split('/').Select((segment, i) => i == 2 ? "{repo}" : segment.All(char.IsAsciiDigit) ? "{n}" : segment));
}
