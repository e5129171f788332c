namespace TagBot.Inbox;

/// <summary>
/// The durable inbox: deliveries are stored before the webhook is acknowledged, deduplicated by
/// delivery id, and handed to workers one lane (issue) at a time.
/// </summary>
public interface IInbox
{
    /// <summary>Creates the schema if needed; safe when several replicas start at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a delivery durably. Returns false when its id was seen before (nothing stored).</summary>
    Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Queues a reconcile of a lane unless one is already pending (used by the sweep).</summary>
    Task EnqueueReconcileAsync(long installationId, string repository, int issueNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the oldest free lane that has a due delivery, leasing it to <paramref name="owner"/>,
    /// with every pending delivery of that lane: one reconcile, reading the whole issue after they
    /// all arrived, serves them all (including ones waiting for a retry).
    /// </summary>
    Task<WorkBatch?> ClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of a lane still being processed; false when the lease was lost (it
    /// expired and another worker took the lane).
    /// </summary>
    Task<bool> RenewAsync(WorkBatch batch, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Frees the lane of a batch that was not processed (the worker is stopping), leaving its
    /// deliveries pending as they were: any worker may claim them at once, without waiting out the lease.
    /// </summary>
    Task ReleaseAsync(WorkBatch batch, CancellationToken cancellationToken);

    /// <summary>Marks the batch processed and frees its lane.</summary>
    Task CompleteAsync(WorkBatch batch, CancellationToken cancellationToken);

    /// <summary>Frees the lane and retries the batch at <paramref name="retryAt"/>, or parks it after too many attempts.</summary>
    Task FailAsync(WorkBatch batch, string error, DateTimeOffset retryAt, bool giveUp, CancellationToken cancellationToken);

    /// <summary>Deliveries waiting to be processed.</summary>
    Task<long> PendingCountAsync(CancellationToken cancellationToken);

    /// <summary>Forgets processed deliveries received before <paramref name="before"/> (the dedup window).</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Whether the store answers (for <c>/readyz</c>).</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
