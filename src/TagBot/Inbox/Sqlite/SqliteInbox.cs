using Microsoft.Data.Sqlite;

namespace TagBot.Inbox.Sqlite;

/// <summary>
/// The inbox on one SQLite file. One process owns the file (SQLite is the single-replica store);
/// lanes are still leased in the table so that a crash mid-batch frees the lane after the lease.
/// </summary>
public sealed class SqliteInbox(SqliteDatabase database, TimeProvider clock) : IInbox
{
    private const int Pending = 0;
    private const int Done = 1;
    private const int Dead = 2;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO deliveries (delivery_id, event, action, installation_id, repository, issue_number, sender,
                                    mentions_tagbot, lane, received_at, state)
            VALUES ($id, $event, $action, $installation, $repository, $issue, $sender, $mentions, $lane, $received, 0)
            ON CONFLICT (delivery_id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", delivery.Id);
        command.Parameters.AddWithValue("$event", delivery.Event);
        command.Parameters.AddWithValue("$action", (object?)delivery.Action ?? DBNull.Value);
        command.Parameters.AddWithValue("$installation", delivery.InstallationId);
        command.Parameters.AddWithValue("$repository", delivery.Repository);
        command.Parameters.AddWithValue("$issue", (object?)delivery.IssueNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("$sender", (object?)delivery.Sender ?? DBNull.Value);
        command.Parameters.AddWithValue("$mentions", delivery.MentionsTagBot ? 1 : 0);
        command.Parameters.AddWithValue("$lane", delivery.Lane);
        command.Parameters.AddWithValue("$received", delivery.ReceivedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task EnqueueReconcileAsync(long installationId, string repository, int issueNumber, CancellationToken cancellationToken)
    {
        var lane = LaneKey.For(repository, issueNumber);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One reusable row per lane: re-armed only when it is not already pending, so a sweep
        // never piles up work behind a slow or rate-limited issue.
        command.CommandText = """
            INSERT INTO deliveries (delivery_id, event, action, installation_id, repository, issue_number, lane, received_at, state)
            VALUES ($id, 'sweep', NULL, $installation, $repository, $issue, $lane, $now, 0)
            ON CONFLICT (delivery_id) DO UPDATE SET state = 0, attempts = 0, not_before = 0, received_at = $now,
                installation_id = $installation, last_error = NULL
            WHERE deliveries.state <> 0
            """;
        command.Parameters.AddWithValue("$id", "sweep:" + lane);
        command.Parameters.AddWithValue("$installation", installationId);
        command.Parameters.AddWithValue("$repository", repository);
        command.Parameters.AddWithValue("$issue", issueNumber);
        command.Parameters.AddWithValue("$lane", lane);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<WorkBatch?> ClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        await using var pick = connection.CreateCommand();
        pick.Transaction = transaction;
        pick.CommandText = """
            SELECT d.lane FROM deliveries d
            WHERE d.state = 0 AND d.not_before <= $now
              AND NOT EXISTS (SELECT 1 FROM lanes l WHERE l.lane = d.lane AND l.lease_until > $now)
            ORDER BY d.received_at LIMIT 1
            """;
        pick.Parameters.AddWithValue("$now", now);
        if (await pick.ExecuteScalarAsync(cancellationToken) is not string lane)
        {
            return null;
        }

        await using var leaseCommand = connection.CreateCommand();
        leaseCommand.Transaction = transaction;
        leaseCommand.CommandText = """
            INSERT INTO lanes (lane, owner, lease_until) VALUES ($lane, $owner, $until)
            ON CONFLICT (lane) DO UPDATE SET owner = $owner, lease_until = $until
            """;
        leaseCommand.Parameters.AddWithValue("$lane", lane);
        leaseCommand.Parameters.AddWithValue("$owner", owner);
        leaseCommand.Parameters.AddWithValue("$until", now + (long)lease.TotalMilliseconds);
        await leaseCommand.ExecuteNonQueryAsync(cancellationToken);

        await using var load = connection.CreateCommand();
        load.Transaction = transaction;
        load.CommandText = """
            SELECT delivery_id, event, action, installation_id, repository, issue_number, sender, received_at,
                   mentions_tagbot, attempts
            FROM deliveries WHERE lane = $lane AND state = 0 AND not_before <= $now
            ORDER BY received_at
            """;
        load.Parameters.AddWithValue("$lane", lane);
        load.Parameters.AddWithValue("$now", now);
        var deliveries = new List<Delivery>();
        var attempt = 0;
        await using (var reader = await load.ExecuteReaderAsync(cancellationToken))
        {
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
                    reader.GetInt64(8) != 0));
                attempt = Math.Max(attempt, reader.GetInt32(9) + 1);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new WorkBatch(lane, owner, deliveries, attempt);
    }

    public async Task CompleteAsync(WorkBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SetStateAsync(connection, transaction, batch, Done, error: null, notBefore: 0, cancellationToken);
        await ReleaseAsync(connection, transaction, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task FailAsync(WorkBatch batch, string error, DateTimeOffset retryAt, bool giveUp, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SetStateAsync(connection, transaction, batch, giveUp ? Dead : Pending, error, retryAt.ToUnixTimeMilliseconds(), cancellationToken);
        await ReleaseAsync(connection, transaction, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM deliveries WHERE state = 0";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM deliveries WHERE state <> 0 AND received_at < $before";
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM lanes";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private async Task SetStateAsync(
        SqliteConnection connection, SqliteTransaction transaction, WorkBatch batch, int state, string? error, long notBefore,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Only rows still pending: a sweep row re-armed meanwhile by id stays pending for the next claim.
        command.CommandText = """
            UPDATE deliveries SET state = $state, attempts = attempts + $failed, not_before = $notBefore,
                   last_error = $error, completed_at = $now
            WHERE delivery_id = $id AND state = 0 AND received_at = $received
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var received = command.Parameters.Add("$received", SqliteType.Integer);
        command.Parameters.AddWithValue("$state", state);
        command.Parameters.AddWithValue("$failed", error is null ? 0 : 1);
        command.Parameters.AddWithValue("$notBefore", notBefore);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var delivery in batch.Deliveries)
        {
            id.Value = delivery.Id;
            received.Value = delivery.ReceivedAt.ToUnixTimeMilliseconds();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task ReleaseAsync(SqliteConnection connection, SqliteTransaction transaction, WorkBatch batch, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM lanes WHERE lane = $lane AND owner = $owner";
        command.Parameters.AddWithValue("$lane", batch.Lane);
        command.Parameters.AddWithValue("$owner", batch.Owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
