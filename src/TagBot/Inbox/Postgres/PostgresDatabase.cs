using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using TagBot.Configuration;
using TagBot.Inbox.Sql;

namespace TagBot.Inbox.Postgres;

/// <summary>
/// The shared store for several replicas. Schema creation takes a transaction-scoped advisory
/// lock, so replicas starting together on an empty database create it once, in turn.
/// </summary>
public sealed class PostgresDatabase : IStoreDatabase, IAsyncDisposable
{
    // An arbitrary constant: the advisory lock id TagBot's schema migration serializes on.
    private const long SchemaLock = 0x7461_6762_6f74;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS tagbot_deliveries (
            delivery_id     text PRIMARY KEY,
            event           text NOT NULL,
            action          text,
            installation_id bigint NOT NULL,
            repository      text NOT NULL,
            issue_number    integer,
            sender          text,
            mentions_tagbot integer NOT NULL DEFAULT 0,
            lane            text NOT NULL,
            received_at     bigint NOT NULL,
            state           integer NOT NULL,
            attempts        integer NOT NULL DEFAULT 0,
            not_before      bigint NOT NULL DEFAULT 0,
            completed_at    bigint,
            completed_by    text,
            last_error      text
        );
        CREATE INDEX IF NOT EXISTS ix_tagbot_deliveries_pending ON tagbot_deliveries (received_at) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS ix_tagbot_deliveries_lane ON tagbot_deliveries (lane) WHERE state = 0;
        CREATE TABLE IF NOT EXISTS tagbot_lanes (
            lane        text PRIMARY KEY,
            owner       text NOT NULL,
            lease_until bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tagbot_ledger (
            lane text NOT NULL,
            key  text NOT NULL,
            PRIMARY KEY (lane, key)
        );
        CREATE TABLE IF NOT EXISTS tagbot_documents (
            scope    text NOT NULL,
            name     text NOT NULL,
            text     text NOT NULL,
            saved_at bigint NOT NULL,
            PRIMARY KEY (scope, name)
        );
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Lazy<Task> _schema;

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        var connectionString = options.Value.ConnectionString
            ?? throw new InvalidOperationException("Storage__ConnectionString is required with Storage__Provider=postgres.");
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _schema = new Lazy<Task>(() => CreateSchemaAsync(CancellationToken.None));
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _schema.Value.WaitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@lock)", connection, transaction))
        {
            command.Parameters.AddWithValue("lock", SchemaLock);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(Schema + Ballots.BallotSchema.Postgres + Comments.CommentCacheSchema.Postgres, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
