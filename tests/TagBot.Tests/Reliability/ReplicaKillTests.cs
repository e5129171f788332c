using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using TagBot.Tests.Harness;
using Xunit.Abstractions;

namespace TagBot.Tests.Reliability;

/// <summary>
/// Two real TagBot processes at the shipped default settings sharing one PostgreSQL database, a
/// burst spread over both, and one of them killed with SIGKILL while it holds leases. The survivor
/// takes over the dead replica's lanes: every acknowledged delivery is processed within 30 seconds
/// of the kill, by the survivor where the dead one had not finished, and nothing is applied twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicaKillTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Issues = 12;
    private const int Deliveries = 360;
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(30);
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(workers: 0);
        await _world.StopTagBotAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task At_default_settings_the_survivor_takes_over_a_killed_replicas_lanes_within_30_seconds()
    {
        var github = _world.GitHub;
        var connectionString = await postgres.CreateDatabaseAsync();
        var store = new StoreProbe(() => new NpgsqlConnection(connectionString));
        var issues = Enumerable.Range(0, Issues).Select(i => github.CreateIssue(Burst.Repo, "chair-carla", $"Proposal {i}", "body", ["proposal"])).ToArray();
        var planned = Burst.Plan(github, issues, Deliveries, "replica-kill");
        int[] ports = [Webhooks.StartupTests.FreePort(), Webhooks.StartupTests.FreePort()];
        var acknowledged = new ConcurrentDictionary<string, bool>();

        using var doomed = TagBotProcess.Start(Burst.ShippedDefaults(_world, ports[0], "postgres", connectionString));
        using var survivor = TagBotProcess.Start(Burst.ShippedDefaults(_world, ports[1], "postgres", connectionString));
        await Task.WhenAll(Burst.WaitReadyAsync(doomed, ports[0]), Burst.WaitReadyAsync(survivor, ports[1]));

        // GitHub's round-trip time (a loopback fake answers at once): without it a fast replica may have finished every
        // lane before the kill, and there would be nothing to take over. Lifted after the kill, so only the takeover is timed.
        github.Faults.Latency = TimeSpan.FromMilliseconds(50);
        await Burst.SendAsync(planned, index => ports[index % 2], acknowledged, stopAfter: Deliveries / 2);
        doomed.Kill();
        github.Faults.Latency = TimeSpan.Zero;
        var kill = Stopwatch.StartNew();
        var killedAt = DateTimeOffset.UtcNow;

        var leases = await store.LiveLeasesAsync();
        var held = leases.Where(l => !Burst.OwnerAlive(l.Value)).Select(l => l.Key).ToList();
        var stranded = await store.PendingInAsync(held);
        output.WriteLine($"acknowledged before the kill: {acknowledged.Count}; live leases: {leases.Count}, of the dead replica: {held.Count}, "
            + $"holding {stranded.Count} acknowledged deliveries");
        Assert.NotEmpty(stranded);

        // What the dead replica did not acknowledge goes to the survivor, as GitHub's redelivery would.
        await Burst.SendAsync([.. planned.Where(p => !acknowledged.ContainsKey(p.Id))], _ => ports[1], acknowledged, stopAfter: int.MaxValue);
        Assert.Equal(Deliveries, acknowledged.Count);
        var drained = await store.WaitDrainedAsync(DateTime.UtcNow + (Promised - kill.Elapsed));
        output.WriteLine($"drained: {drained}, {kill.Elapsed.TotalSeconds:F1} s after the kill; {await store.PendingAsync()} pending");
        Assert.True(drained, $"deliveries still pending {Promised.TotalSeconds} s after the kill:\n{survivor.Output}");

        var processed = await store.ProcessedAsync();
        Assert.Equal(Deliveries, planned.Count(p => processed.ContainsKey(p.Id)));
        Assert.All(stranded, id => Assert.True(Burst.OwnerAlive(processed[id].By), $"{id} was completed by {processed[id].By}, not the survivor"));
        var lastStranded = stranded.Max(id => processed[id].At);
        output.WriteLine($"last delivery of a dead replica's lane processed {(lastStranded - killedAt).TotalSeconds:F1} s after the kill");
        Assert.InRange(lastStranded - killedAt, TimeSpan.Zero, Promised);

        Burst.AssertAppliedOnce(github, issues, Deliveries / Issues);
    }
}
