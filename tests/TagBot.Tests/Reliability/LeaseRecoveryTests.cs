using Microsoft.Data.Sqlite;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Reliability;

/// <summary>
/// The lease's three ways out, in process with the test settings (a 5-second lease): a dead
/// worker's lane is taken as soon as its lease ends and not before; a stopping worker hands its
/// lane back at once; a worker that loses its lease abandons the reconcile instead of finishing it
/// beside the lane's new owner. The shipped defaults are held to the promise by
/// <see cref="KillDuringBurstTests"/> and <see cref="ReplicaKillTests"/>.
/// </summary>
public sealed class LeaseRecoveryTests
{
    private const string Repo = GovernanceWorld.Repo;

    [Fact]
    public async Task A_dead_workers_lane_is_taken_over_as_soon_as_its_lease_ends_and_not_before()
    {
        await using var world = await GovernanceWorld.StartAsync(workers: 0);
        var issue = world.GitHub.CreateIssue(Repo, "chair-carla", "Proposal", "body", ["proposal"]);
        await world.Deliver("issues", Payloads.Issues("opened", Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]), "opened-1");
        // A worker of a previous process claimed the lane and died mid-reconcile, holding the lease.
        Assert.NotNull(await world.Inbox.ClaimAsync("dead-worker", TimeSpan.FromSeconds(2), CancellationToken.None));
        var leaseUntil = await ScalarAsync(world, $"SELECT lease_until FROM tagbot_lanes WHERE lane = '{Repo}#{issue}' AND owner = 'dead-worker'");
        await world.StopTagBotAsync();

        world.StartTagBot(workers: 2);
        await world.IdleAsync(TimeSpan.FromSeconds(20));

        var completedAt = await ScalarAsync(world, "SELECT completed_at FROM tagbot_deliveries WHERE delivery_id = 'opened-1'");
        Assert.InRange(completedAt - leaseUntil, 0, 2_000);
        Assert.Single(world.GitHub.Comments(Repo, issue), c => Markers.IsStatus(c.Body));
    }

    [Fact]
    public async Task A_stopping_worker_hands_its_lane_back_untouched()
    {
        await using var world = await GovernanceWorld.StartAsync(workers: 1);
        var issue = world.GitHub.CreateIssue(Repo, "chair-carla", "Proposal", "body", ["proposal"]);
        var slow = world.GitHub.Faults.Add("GET", $"repos/{Repo}/", Fault.Delay(TimeSpan.FromSeconds(2)));
        await world.Deliver("issues", Payloads.Issues("opened", Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]), "opened-1");
        await UntilAsync(() => slow.Applied == 1);

        await world.StopTagBotAsync();

        // Released, not failed: no lease left to wait out, no attempt counted, nothing applied.
        Assert.Equal(0, await ScalarAsync(world, "SELECT COUNT(*) FROM tagbot_lanes"));
        Assert.Equal(0, await ScalarAsync(world, "SELECT state + attempts FROM tagbot_deliveries WHERE delivery_id = 'opened-1'"));
        Assert.Empty(world.GitHub.Comments(Repo, issue));

        world.StartTagBot(workers: 1);
        await world.IdleAsync(TimeSpan.FromSeconds(20));
        Assert.Single(world.GitHub.Comments(Repo, issue), c => Markers.IsStatus(c.Body));
    }

    [Fact]
    public async Task A_worker_that_loses_its_lease_abandons_the_reconcile_to_the_new_owner()
    {
        await using var world = await GovernanceWorld.StartAsync(workers: 1);
        var taken = world.GitHub.CreateIssue(Repo, "chair-carla", "Proposal", "body", ["proposal"]);
        var other = world.GitHub.CreateIssue(Repo, "chair-carla", "Another", "body", ["proposal"]);
        var slow = world.GitHub.Faults.Add("GET", $"repos/{Repo}/", Fault.Delay(TimeSpan.FromSeconds(3)));
        await world.Deliver("issues", Payloads.Issues("opened", Repo, GovernanceWorld.Installation, taken, "chair-carla", ["proposal"]), "opened-taken");
        await UntilAsync(() => slow.Applied == 1);

        // Another owner takes the lane over mid-reconcile (as after a stall longer than the lease).
        await ExecuteAsync(world, $"UPDATE tagbot_lanes SET owner = 'new-owner', lease_until = {DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()}");
        await world.Deliver("issues", Payloads.Issues("opened", Repo, GovernanceWorld.Installation, other, "chair-carla", ["proposal"]), "opened-other");

        // The only worker is free again (it gave the lane up) and has applied nothing to the taken issue,
        // nor marked its delivery failed or done: that is the new owner's.
        await UntilAsync(() => world.GitHub.Comments(Repo, other).Count == 1, TimeSpan.FromSeconds(15));
        Assert.Empty(world.GitHub.Comments(Repo, taken));
        Assert.DoesNotContain("status/discussion", world.Labels(taken));
        Assert.Equal(0, await ScalarAsync(world, "SELECT state + attempts FROM tagbot_deliveries WHERE delivery_id = 'opened-taken'"));

        // The new owner goes away without finishing; the lane is free and the delivery processed once.
        await ExecuteAsync(world, "DELETE FROM tagbot_lanes WHERE owner = 'new-owner'");
        await world.IdleAsync(TimeSpan.FromSeconds(20));
        Assert.Single(world.GitHub.Comments(Repo, taken), c => Markers.IsStatus(c.Body));
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met");
            }

            await Task.Delay(20);
        }
    }

    private static async Task<long> ScalarAsync(GovernanceWorld world, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={world.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(GovernanceWorld world, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={world.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; " + sql;
        await command.ExecuteNonQueryAsync();
    }
}
