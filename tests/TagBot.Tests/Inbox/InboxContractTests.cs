using TagBot.Inbox;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Inbox;

/// <summary>
/// What every inbox provider promises, run against a real store: durable dedup, one lane per
/// issue at a time, retries at the time asked, leases that free a dead worker's lane.
/// </summary>
public abstract class InboxContractTests : IAsyncLifetime
{
    protected TestClock Clock { get; } = new();

    protected IInbox Inbox { get; private set; } = null!;

    protected abstract Task<IInbox> CreateAsync();

    public async Task InitializeAsync()
    {
        Inbox = await CreateAsync();
        await Inbox.InitializeAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private Delivery Comment(string id, int issue, string repository = "o/r") =>
        new(id, "issue_comment", "created", 1, repository, issue, "someone", Clock.GetUtcNow());

    [Fact]
    public async Task A_delivery_id_is_stored_once()
    {
        Assert.True(await Inbox.TryAddAsync(Comment("d1", 1), CancellationToken.None));
        Assert.False(await Inbox.TryAddAsync(Comment("d1", 1), CancellationToken.None));
        Assert.Equal(1, await Inbox.PendingCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_redeliveries_of_one_id_store_it_exactly_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Inbox.TryAddAsync(Comment("same", 1), CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task A_processed_id_is_still_recognised_as_a_duplicate()
    {
        await Inbox.TryAddAsync(Comment("d1", 1), CancellationToken.None);
        var batch = await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Inbox.CompleteAsync(batch!, CancellationToken.None);

        Assert.False(await Inbox.TryAddAsync(Comment("d1", 1), CancellationToken.None));
        Assert.Null(await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_takes_every_pending_delivery_of_the_oldest_lane()
    {
        await Inbox.TryAddAsync(Comment("a1", 1), CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Inbox.TryAddAsync(Comment("b1", 2), CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Inbox.TryAddAsync(Comment("a2", 1), CancellationToken.None);

        var batch = await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal("o/r#1", batch!.Lane);
        Assert.Equal(["a1", "a2"], batch.Deliveries.Select(d => d.Id));
    }

    [Fact]
    public async Task A_leased_lane_is_not_claimed_twice_but_other_lanes_are()
    {
        await Inbox.TryAddAsync(Comment("a1", 1), CancellationToken.None);
        await Inbox.TryAddAsync(Comment("b1", 2), CancellationToken.None);
        var first = await Inbox.ClaimAsync("w1", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Inbox.TryAddAsync(Comment("a2", 1), CancellationToken.None);

        var second = await Inbox.ClaimAsync("w2", TimeSpan.FromMinutes(1), CancellationToken.None);
        var third = await Inbox.ClaimAsync("w3", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal("o/r#1", first!.Lane);
        Assert.Equal("o/r#2", second!.Lane);
        Assert.Null(third);

        await Inbox.CompleteAsync(first, CancellationToken.None);
        var after = await Inbox.ClaimAsync("w3", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(["a2"], after!.Deliveries.Select(d => d.Id));
    }

    [Fact]
    public async Task Concurrent_claims_never_hand_one_lane_to_two_workers()
    {
        for (var i = 0; i < 30; i++)
        {
            await Inbox.TryAddAsync(Comment($"d{i}", i % 5), CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(w => Task.Run(() => Inbox.ClaimAsync($"w{w}", TimeSpan.FromMinutes(1), CancellationToken.None))));
        var lanes = claims.Where(c => c is not null).Select(c => c!.Lane).ToList();

        Assert.Equal(5, lanes.Count);
        Assert.Equal(lanes.Count, lanes.Distinct().Count());
        Assert.Equal(30, claims.Where(c => c is not null).Sum(c => c!.Deliveries.Count));
    }

    [Fact]
    public async Task A_dead_workers_lane_is_free_again_after_its_lease()
    {
        await Inbox.TryAddAsync(Comment("a1", 1), CancellationToken.None);
        Assert.NotNull(await Inbox.ClaimAsync("dead", TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Null(await Inbox.ClaimAsync("alive", TimeSpan.FromSeconds(30), CancellationToken.None));

        Clock.Advance(TimeSpan.FromSeconds(31));
        var reclaimed = await Inbox.ClaimAsync("alive", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(["a1"], reclaimed!.Deliveries.Select(d => d.Id));
    }

    [Fact]
    public async Task A_released_lane_is_claimable_at_once_with_its_deliveries_untouched()
    {
        await Inbox.TryAddAsync(Comment("a1", 1), CancellationToken.None);
        var stopping = await Inbox.ClaimAsync("stopping", TimeSpan.FromMinutes(5), CancellationToken.None);

        await Inbox.ReleaseAsync(stopping!, CancellationToken.None);
        var next = await Inbox.ClaimAsync("next", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(["a1"], next!.Deliveries.Select(d => d.Id));
        Assert.Equal(1, next.Attempt);
        // A late release by the old owner does not free the new owner's lane.
        await Inbox.ReleaseAsync(stopping!, CancellationToken.None);
        Assert.Null(await Inbox.ClaimAsync("third", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.True(await Inbox.RenewAsync(next, TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_batch_is_retried_at_the_time_asked_and_counts_attempts()
    {
        await Inbox.TryAddAsync(Comment("a1", 1), CancellationToken.None);
        var batch = await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Inbox.FailAsync(batch!, "boom", Clock.GetUtcNow().AddMinutes(5), giveUp: false, CancellationToken.None);

        Assert.Null(await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(1, await Inbox.PendingCountAsync(CancellationToken.None));
        Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(2, retry!.Attempt);
    }

    [Fact]
    public async Task A_batch_given_up_on_is_no_longer_pending()
    {
        await Inbox.TryAddAsync(Comment("a1", 1), CancellationToken.None);
        var batch = await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Inbox.FailAsync(batch!, "boom", Clock.GetUtcNow(), giveUp: true, CancellationToken.None);

        Assert.Equal(0, await Inbox.PendingCountAsync(CancellationToken.None));
        Assert.False(await Inbox.TryAddAsync(Comment("a1", 1), CancellationToken.None));
    }

    [Fact]
    public async Task A_sweep_reconcile_is_queued_once_while_pending()
    {
        await Inbox.EnqueueReconcileAsync(1, "o/r", 7, CancellationToken.None);
        await Inbox.EnqueueReconcileAsync(1, "o/r", 7, CancellationToken.None);
        Assert.Equal(1, await Inbox.PendingCountAsync(CancellationToken.None));

        var batch = await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Inbox.CompleteAsync(batch!, CancellationToken.None);
        await Inbox.EnqueueReconcileAsync(1, "o/r", 7, CancellationToken.None);

        Assert.Equal(1, await Inbox.PendingCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Purging_forgets_old_processed_ids_only()
    {
        await Inbox.TryAddAsync(Comment("old", 1), CancellationToken.None);
        await Inbox.CompleteAsync((await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None))!, CancellationToken.None);
        await Inbox.TryAddAsync(Comment("pending", 2), CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal(1, await Inbox.PurgeAsync(Clock.GetUtcNow().AddDays(-14), CancellationToken.None));
        Assert.True(await Inbox.TryAddAsync(Comment("old", 1), CancellationToken.None));
        Assert.Equal(2, await Inbox.PendingCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_store_answers_a_ping() => Assert.True(await Inbox.PingAsync(CancellationToken.None));

    [Fact]
    public async Task A_renewed_lease_keeps_the_lane_and_a_lost_one_says_so()
    {
        await Inbox.TryAddAsync(Comment("a1", 1), CancellationToken.None);
        var batch = await Inbox.ClaimAsync("slow", TimeSpan.FromSeconds(30), CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Inbox.RenewAsync(batch!, TimeSpan.FromSeconds(30), CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Null(await Inbox.ClaimAsync("other", TimeSpan.FromSeconds(30), CancellationToken.None));

        Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.NotNull(await Inbox.ClaimAsync("other", TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.False(await Inbox.RenewAsync(batch!, TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_takes_deliveries_waiting_for_a_retry_along_with_the_due_one()
    {
        await Inbox.TryAddAsync(Comment("failed", 1), CancellationToken.None);
        var first = await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Inbox.FailAsync(first!, "boom", Clock.GetUtcNow().AddHours(1), giveUp: false, CancellationToken.None);
        await Inbox.TryAddAsync(Comment("new", 1), CancellationToken.None);

        var batch = await Inbox.ClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Inbox.CompleteAsync(batch!, CancellationToken.None);

        Assert.Equal(["failed", "new"], batch!.Deliveries.Select(d => d.Id));
        Assert.Equal(1, batch.Attempt);
        Assert.Equal(0, await Inbox.PendingCountAsync(CancellationToken.None));
    }
}
