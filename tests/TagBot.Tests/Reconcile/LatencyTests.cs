using System.Diagnostics;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;
using Xunit.Abstractions;

namespace TagBot.Tests.Reconcile;

/// <summary>
/// How many GitHub round trips, one after another, lie between a command comment and TagBot's reaction, with
/// 50 ms added to every answer of the fake GitHub. Independent reads (the issue with the policy) run together,
/// so it is at most 4 (<see cref="RequestLog.SequentialRoundTrips"/> counts them from the request log, which
/// does not depend on the machine's speed); the wall time printed is in docs/performance.md.
/// </summary>
public sealed class LatencyTests(ITestOutputHelper output)
{
    private const string Repo = GovernanceWorld.Repo;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_command_gets_its_reaction_after_at_most_four_round_trips(bool hasPolicyFile)
    {
        await using var world = await GovernanceWorld.StartAsync(policy: hasPolicyFile ? "proposals:\n  support_required: 2\n" : null);
        var issue = await world.OpenIssueAsync("chair-carla", "Proposal", "proposal");
        await world.CommentAsync(issue, "member-mia", "Warming the caches.");
        await world.IdleAsync();
        await world.CommentAsync(issue, "member-max", "Still warming.");
        await world.IdleAsync();
        world.GitHub.Faults.Latency = TimeSpan.FromMilliseconds(50);
        world.GitHub.Requests.Clear();

        var started = Stopwatch.GetTimestamp();
        var comment = await world.CommentAsync(issue, "member-mia", "/support");
        await world.IdleAsync();

        var requests = world.GitHub.Requests.Snapshot();
        var reaction = requests.Single(r => r.Method == "POST" && r.Path == $"repos/{Repo}/issues/comments/{comment}/reactions");
        var before = requests.Where(r => r.Answered <= reaction.Answered).ToList();
        var trips = RequestLog.SequentialRoundTrips(before);
        var elapsed = Stopwatch.GetElapsedTime(started, reaction.Answered);
        output.WriteLine($"policy file: {hasPolicyFile}; comment -> reaction: {trips} sequential round trips, {before.Count} requests, "
            + $"{elapsed.TotalMilliseconds:F0} ms with 50 ms per answer; all {requests.Count} requests: {RequestLog.SequentialRoundTrips(requests)} round trips");
        foreach (var r in requests)
        {
            output.WriteLine($"  {Stopwatch.GetElapsedTime(started, r.Arrived).TotalMilliseconds,6:F0}-{Stopwatch.GetElapsedTime(started, r.Answered).TotalMilliseconds,6:F0} ms  {r.Method} {r.Path} -> {r.StatusCode}");
        }

        Assert.InRange(trips, 1, 4);
    }
}
