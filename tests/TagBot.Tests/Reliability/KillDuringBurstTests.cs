using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TagBot.Tests.Harness;
using Xunit.Abstractions;

namespace TagBot.Tests.Reliability;

/// <summary>
/// The real server process at the shipped default settings under a 1,000-delivery burst, killed
/// with SIGKILL midway while it holds leases, and restarted at once on the same SQLite file: every
/// acknowledged delivery — those in the dead process's leased lanes too — is processed within 30
/// seconds of the restart, and nothing is applied twice. Deliveries that were not acknowledged are
/// sent again, as GitHub's redelivery would.
/// </summary>
public sealed class KillDuringBurstTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Issues = 20;
    private const int Deliveries = 1000;
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(30);
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(workers: 0);
        await _world.StopTagBotAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task At_default_settings_a_restart_processes_every_acknowledged_delivery_within_30_seconds_once()
    {
        var github = _world.GitHub;
        var issues = Enumerable.Range(0, Issues).Select(i => github.CreateIssue(Burst.Repo, "chair-carla", $"Proposal {i}", "body", ["proposal"])).ToArray();
        var planned = Burst.Plan(github, issues, Deliveries, "burst");
        var database = Path.Combine(Path.GetDirectoryName(_world.DatabasePath)!, "burst.db");
        var store = new StoreProbe(() => new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly"));
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var port = Webhooks.StartupTests.FreePort();
        var settings = Burst.ShippedDefaults(_world, port, "sqlite", $"Data Source={database}");

        using (var first = TagBotProcess.Start(settings))
        {
            await Burst.WaitReadyAsync(first, port);
            // GitHub's round-trip time (the loopback fake answers at once), so the process is mid-work when killed;
            // lifted after the kill, so only the recovery is timed.
            github.Faults.Latency = TimeSpan.FromMilliseconds(50);
            await Burst.SendAsync(planned, _ => port, acknowledged, stopAfter: Deliveries / 2);
            first.Kill();
            github.Faults.Latency = TimeSpan.Zero;
        }

        // What the dead process left: lanes it still leases, and acknowledged deliveries in them.
        var held = await store.LiveLeasesAsync();
        var stranded = await store.PendingInAsync(held.Keys);
        output.WriteLine($"acknowledged before the kill: {acknowledged.Count}; lanes leased by the dead process: {held.Count}, "
            + $"holding {stranded.Count} acknowledged deliveries");
        Assert.InRange(acknowledged.Count, Deliveries / 2, Deliveries - 1);
        Assert.All(held.Values, owner => Assert.False(Burst.OwnerAlive(owner)));
        Assert.NotEmpty(stranded);
        var beforeKill = acknowledged.Keys.ToHashSet();

        var restart = Stopwatch.StartNew();
        var restartedAt = DateTimeOffset.UtcNow;
        using (var second = TagBotProcess.Start(settings))
        {
            await Burst.WaitReadyAsync(second, port);
            output.WriteLine($"ready {restart.Elapsed.TotalSeconds:F1} s after the restart");
            await Burst.SendAsync([.. planned.Where(p => !acknowledged.ContainsKey(p.Id))], _ => port, acknowledged, stopAfter: int.MaxValue);
            Assert.Equal(Deliveries, acknowledged.Count);
            var drained = await store.WaitDrainedAsync(DateTime.UtcNow + (Promised - restart.Elapsed));
            output.WriteLine($"drained: {drained}, {restart.Elapsed.TotalSeconds:F1} s after the restart; {await store.PendingAsync()} pending");
            Assert.True(drained, $"deliveries still pending {Promised.TotalSeconds} s after the restart:\n{second.Output}");
        }

        var processed = await store.ProcessedAsync();
        Assert.True(beforeKill.IsSubsetOf(processed.Keys), "a delivery acknowledged before the kill is missing");
        Assert.Equal(Deliveries, planned.Count(p => processed.ContainsKey(p.Id)));
        // The dead process's lanes were taken over by the new one, within the promise.
        var lastStranded = stranded.Max(id => processed[id].At);
        output.WriteLine($"last delivery of a dead process's lane processed {(lastStranded - restartedAt).TotalSeconds:F1} s after the restart");
        Assert.InRange(lastStranded - restartedAt, TimeSpan.Zero, Promised);

        Burst.AssertAppliedOnce(github, issues, Deliveries / Issues);
    }
}
