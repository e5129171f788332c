using System.Data.Common;

namespace TagBot.Inbox.Sql;

/// <summary>
/// The inbox in SQL that SQLite and PostgreSQL both run as written. Dedup is the primary key on
/// the delivery id; a lane is owned through a lease row, taken by an upsert that only succeeds when
/// no live lease exists, so concurrent workers of several processes never share a lane, and a
/// crashed worker's lane is free again when its lease runs out.
/// </summary>
public sealed class SqlInbox : IInbox, IAsyncDisposable
{
    private const int Pending = 0;
    private const int Done = 1;
    private const int Dead = 2;

    private readonly IStoreDatabase database;
    private readonly TimeProvider clock;
    private readonly GroupCommit _inserts;

    public SqlInbox(IStoreDatabase database, TimeProvider clock)
    {
        this.database = database;
        this.clock = clock;
        _inserts = new GroupCommit(InsertAsync);
    }

    public ValueTask DisposeAsync() => _inserts.DisposeAsync();

    public Task InitializeAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken) => _inserts.AddAsync(delivery, cancellationToken);

    /// <summary>Inserts a batch in one transaction; a delivery id seen before (or earlier in the batch) is a duplicate.</summary>
    private async Task<IReadOnlyList<bool>> InsertAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.Command("""
            INSERT INTO tagbot_deliveries (delivery_id, event, action, installation_id, repository, issue_number, sender,
                                           mentions_tagbot, lane, received_at, state)
            VALUES (@id, @event, @action, @installation, @repository, @issue, @sender, @mentions, @lane, @received, 0)
            ON CONFLICT (delivery_id) DO NOTHING
            """, transaction);
        var stored = new List<bool>(deliveries.Count);
        foreach (var delivery in deliveries)
        {
            command.Parameters.Clear();
            command.With("@id", delivery.Id)
                .With("@event", delivery.Event)
                .With("@action", delivery.Action)
                .With("@installation", delivery.InstallationId)
                .With("@repository", delivery.Repository)
                .With("@issue", delivery.IssueNumber)
                .With("@sender", delivery.Sender)
                .With("@mentions", delivery.MentionsTagBot ? 1 : 0)
                .With("@lane", delivery.Lane)
                .With("@received", delivery.ReceivedAt.ToUnixTimeMilliseconds());
            stored.Add(await command.ExecuteNonQueryAsync(cancellationToken) == 1);
        }

        foreach (var delivery in deliveries)
        {
            if (delivery.DeletedCommentId is { } deleted)
            {
                // With the delivery or not at all (idempotent when it is resent).
                await Comments.SqlCommentCache.RecordDeletionAsync(connection, transaction, delivery.Lane, deleted, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task EnqueueReconcileAsync(long installationId, string repository, int issueNumber, CancellationToken cancellationToken)
    {
        var lane = LaneKey.For(repository, issueNumber);
        await using var connection = await database.OpenAsync(cancellationToken);
        // One reusable row per lane: re-armed only when it is not already pending, so a sweep
        // never piles up work behind a slow or rate-limited issue.
        await using var command = connection.Command("""
            INSERT INTO tagbot_deliveries (delivery_id, event, action, installation_id, repository, issue_number, lane, received_at, state)
            VALUES (@id, 'sweep', NULL, @installation, @repository, @issue, @lane, @now, 0)
            ON CONFLICT (delivery_id) DO UPDATE SET state = 0, attempts = 0, not_before = 0, received_at = @now,
                installation_id = @installation, last_error = NULL
            WHERE tagbot_deliveries.state <> 0
            """)
            .With("@id", "sweep:" + lane)
            .With("@installation", installationId)
            .With("@repository", repository)
            .With("@issue", issueNumber)
            .With("@lane", lane)
            .With("@now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<WorkBatch?> ClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var lane in await CandidateLanesAsync(connection, now, cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await TryLeaseAsync(connection, transaction, lane, owner, now + (long)lease.TotalMilliseconds, now, cancellationToken))
            {
                // Another worker took it first.
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            var (deliveries, attempt) = await LoadAsync(connection, transaction, lane, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (deliveries.Count > 0)
            {
                return new WorkBatch(lane, owner, deliveries, attempt);
            }

            await ReleaseAsync(lane, owner, cancellationToken);
        }

        return null;
    }

    public async Task<bool> RenewAsync(WorkBatch batch, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("UPDATE tagbot_lanes SET lease_until = @until WHERE lane = @lane AND owner = @owner")
            .With("@until", Now() + (long)lease.TotalMilliseconds)
            .With("@lane", batch.Lane)
            .With("@owner", batch.Owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task ReleaseAsync(WorkBatch batch, CancellationToken cancellationToken) => ReleaseAsync(batch.Lane, batch.Owner, cancellationToken);

    public async Task CompleteAsync(WorkBatch batch, CancellationToken cancellationToken) =>
        await FinishAsync(batch, Done, error: null, notBefore: 0, cancellationToken);

    public async Task FailAsync(WorkBatch batch, string error, DateTimeOffset retryAt, bool giveUp, CancellationToken cancellationToken) =>
        await FinishAsync(batch, giveUp ? Dead : Pending, error, retryAt.ToUnixTimeMilliseconds(), cancellationToken);

    public async Task<long> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM tagbot_deliveries WHERE state = 0");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM tagbot_deliveries WHERE state <> 0 AND received_at < @before")
            .With("@before", before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.Command("SELECT COUNT(*) FROM tagbot_lanes");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static async Task<List<string>> CandidateLanesAsync(DbConnection connection, long now, CancellationToken cancellationToken)
    {
        // A few candidates, oldest first: when another worker wins the race for one, try the next.
        await using var command = connection.Command("""
            SELECT lane FROM (
                SELECT d.lane, MIN(d.received_at) AS oldest FROM tagbot_deliveries d
                WHERE d.state = 0 AND d.not_before <= @now
                  AND NOT EXISTS (SELECT 1 FROM tagbot_lanes l WHERE l.lane = d.lane AND l.lease_until > @now)
                GROUP BY d.lane
            ) candidates ORDER BY oldest LIMIT 8
            """)
            .With("@now", now);
        var lanes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lanes.Add(reader.GetString(0));
        }

        return lanes;
    }

    private static async Task<bool> TryLeaseAsync(
        DbConnection connection, DbTransaction transaction, string lane, string owner, long until, long now, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("""
            INSERT INTO tagbot_lanes (lane, owner, lease_until) VALUES (@lane, @owner, @until)
            ON CONFLICT (lane) DO UPDATE SET owner = @owner, lease_until = @until
            WHERE tagbot_lanes.lease_until <= @now
            """, transaction)
            .With("@lane", lane)
            .With("@owner", owner)
            .With("@until", until)
            .With("@now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<(List<Delivery> Deliveries, int Attempt)> LoadAsync(
        DbConnection connection, DbTransaction transaction, string lane, long now, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("""
            SELECT delivery_id, event, action, installation_id, repository, issue_number, sender, received_at, mentions_tagbot, attempts,
                   not_before
            FROM tagbot_deliveries WHERE lane = @lane AND state = 0
            ORDER BY received_at, delivery_id
            """, transaction)
            .With("@lane", lane)
            .With("@now", now);
        var deliveries = new List<Delivery>();
        var attempt = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new Delivery(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                reader.GetInt32(8) != 0));
            if (reader.GetInt64(10) <= now)
            {
                // Backoff follows the deliveries that made the lane due, not older ones waiting out theirs.
                attempt = Math.Max(attempt, reader.GetInt32(9) + 1);
            }
        }

        return (deliveries, attempt);
    }

    private async Task FinishAsync(WorkBatch batch, int state, string? error, long notBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Only rows still pending as claimed: a sweep row re-armed meanwhile stays pending for the next claim.
        await using (var command = connection.Command("""
            UPDATE tagbot_deliveries SET state = @state, attempts = attempts + @failed, not_before = @notBefore,
                   last_error = @error, completed_at = @now, completed_by = @owner
            WHERE delivery_id = @id AND state = 0 AND received_at = @received
            """, transaction))
        {
            command.With("@state", state).With("@failed", error is null ? 0 : 1).With("@notBefore", notBefore)
                .With("@error", error).With("@now", Now()).With("@owner", batch.Owner);
            var id = command.With("@id", "").Parameters["@id"];
            var received = command.With("@received", 0L).Parameters["@received"];
            foreach (var delivery in batch.Deliveries)
            {
                id.Value = delivery.Id;
                received.Value = delivery.ReceivedAt.ToUnixTimeMilliseconds();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var release = connection.Command("DELETE FROM tagbot_lanes WHERE lane = @lane AND owner = @owner", transaction)
            .With("@lane", batch.Lane).With("@owner", batch.Owner))
        {
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ReleaseAsync(string lane, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM tagbot_lanes WHERE lane = @lane AND owner = @owner")
            .With("@lane", lane).With("@owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
