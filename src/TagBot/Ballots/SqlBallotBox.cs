using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TagBot.Core.Elections.Ballots;
using TagBot.Inbox.Sql;

namespace TagBot.Ballots;

/// <summary>
/// The ballot box in SQL that SQLite and PostgreSQL both run as written. Who voted is in
/// <c>tagbot_ballot_voters</c>; what was voted is in <c>tagbot_ballots</c>, keyed by
/// HMAC-SHA256(election secret, voter id), so that only a holder of the secret finds a voter's
/// ballot (to replace it). At the close the ballots move, without that key, to
/// <c>tagbot_ballots_closed</c> and the secret is erased: from then on nothing links them.
/// </summary>
public sealed class SqlBallotBox(IStoreDatabase database, ILogger<SqlBallotBox> logger) : IBallotBox
{
    public async Task<string> CastAsync(ElectionKey key, long voterId, string voterLogin, Ballot ballot, string submissionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (secret, closed) = await LockAsync(connection, transaction, key, cancellationToken);
        if (closed || secret is null)
        {
            throw new BallotBoxClosedException(key);
        }

        var slot = Slot(secret, voterId);
        await using (var current = connection.Command("SELECT receipt, submission FROM tagbot_ballots WHERE election = @election AND slot = @slot", transaction)
            .With("@election", key.ToString()).With("@slot", slot))
        await using (var reader = await current.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken) && reader.GetString(1) == submissionId)
            {
                return reader.GetString(0); // the same form sent twice: it is already recorded
            }
        }

        var receipt = ReceiptCode.New();
        await using (var store = connection.Command("""
            INSERT INTO tagbot_ballots (election, slot, receipt, submission, ballot) VALUES (@election, @slot, @receipt, @submission, @ballot)
            ON CONFLICT (election, slot) DO UPDATE SET receipt = @receipt, submission = @submission, ballot = @ballot
            """, transaction)
            .With("@election", key.ToString()).With("@slot", slot).With("@receipt", receipt)
            .With("@submission", submissionId).With("@ballot", BallotText.Write(ballot)))
        {
            await store.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var voter = connection.Command("""
            INSERT INTO tagbot_ballot_voters (election, voter_id, login) VALUES (@election, @voter, @login)
            ON CONFLICT (election, voter_id) DO UPDATE SET login = @login
            """, transaction)
            .With("@election", key.ToString()).With("@voter", voterId).With("@login", voterLogin))
        {
            await voter.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return receipt;
    }

    public async Task<bool> HasVotedAsync(ElectionKey key, long voterId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT 1 FROM tagbot_ballot_voters WHERE election = @election AND voter_id = @voter")
            .With("@election", key.ToString()).With("@voter", voterId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<string>> VotersAsync(ElectionKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT login FROM tagbot_ballot_voters WHERE election = @election").With("@election", key.ToString());
        var logins = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            logins.Add(reader.GetString(0));
        }

        return [.. logins.Order(StringComparer.OrdinalIgnoreCase).ThenBy(l => l, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CastBallot>> CloseAsync(ElectionKey key, CancellationToken cancellationToken)
    {
        bool closedNow;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await StoreScrub.BeforeCloseAsync(connection, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var (_, closed) = await LockAsync(connection, transaction, key, cancellationToken);
            closedNow = !closed;
            if (closedNow)
            {
                // Receipt order is random order: the closed table says nothing of who cast first.
                await ExecuteAsync(connection, transaction, """
                    INSERT INTO tagbot_ballots_closed (election, receipt, ballot)
                    SELECT election, receipt, ballot FROM tagbot_ballots WHERE election = @election ORDER BY receipt
                    """, key, cancellationToken);
                await ExecuteAsync(connection, transaction, "DELETE FROM tagbot_ballots WHERE election = @election", key, cancellationToken);
                await ExecuteAsync(connection, transaction, "UPDATE tagbot_ballot_elections SET secret = NULL, closed = 1 WHERE election = @election", key, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (closedNow)
            {
                await StoreScrub.AfterCloseAsync(connection, cancellationToken);
            }
        }

        var ballots = await ClosedBallotsAsync(key, cancellationToken);
        if (closedNow)
        {
            logger.LogInformation("Closed the ballot box of {Election}: {Count} ballots; the secret linking voters to ballots is erased.", key.ToString(), ballots.Count);
        }

        return ballots;
    }

    private async Task<IReadOnlyList<CastBallot>> ClosedBallotsAsync(ElectionKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT receipt, ballot FROM tagbot_ballots_closed WHERE election = @election").With("@election", key.ToString());
        var ballots = new List<CastBallot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ballots.Add(new CastBallot(reader.GetString(0), BallotText.Read(reader.GetString(1))));
        }

        return [.. ballots.OrderBy(b => b.Receipt, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The election's row, created with a fresh secret on first use, and locked for this transaction:
    /// a write first (SQLite takes its write lock, so no reader-to-writer upgrade can fail), then an
    /// UPDATE that PostgreSQL holds a row lock for, so that a cast and the close run one after the other.
    /// </summary>
    private static async Task<(byte[]? Secret, bool Closed)> LockAsync(DbConnection connection, DbTransaction transaction, ElectionKey key, CancellationToken cancellationToken)
    {
        await using (var create = connection.Command("INSERT INTO tagbot_ballot_elections (election, secret, closed) VALUES (@election, @secret, 0) ON CONFLICT (election) DO NOTHING", transaction)
            .With("@election", key.ToString()).With("@secret", RandomNumberGenerator.GetBytes(32)))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var lockRow = connection.Command("UPDATE tagbot_ballot_elections SET closed = closed WHERE election = @election RETURNING secret, closed", transaction)
            .With("@election", key.ToString());
        await using var reader = await lockRow.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"The ballot box of {key} vanished while it was locked.");
        }

        return (reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) != 0);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, ElectionKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, transaction).With("@election", key.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Slot(byte[] secret, long voterId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(voterId.ToString(CultureInfo.InvariantCulture))));
}
