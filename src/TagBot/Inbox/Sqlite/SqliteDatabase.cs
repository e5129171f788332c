using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Inbox.Sql;

namespace TagBot.Inbox.Sqlite;

/// <summary>Opens connections to the SQLite file in WAL mode and creates the schema.</summary>
public sealed class SqliteDatabase : IStoreDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS tagbot_deliveries (
            delivery_id     TEXT PRIMARY KEY,
            event           TEXT NOT NULL,
            action          TEXT,
            installation_id INTEGER NOT NULL,
            repository      TEXT NOT NULL,
            issue_number    INTEGER,
            sender          TEXT,
            mentions_tagbot INTEGER NOT NULL DEFAULT 0,
            lane            TEXT NOT NULL,
            received_at     INTEGER NOT NULL,
            state           INTEGER NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            not_before      INTEGER NOT NULL DEFAULT 0,
            completed_at    INTEGER,
            completed_by    TEXT,
            last_error      TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_tagbot_deliveries_pending ON tagbot_deliveries (received_at) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS ix_tagbot_deliveries_lane ON tagbot_deliveries (lane) WHERE state = 0;
        CREATE TABLE IF NOT EXISTS tagbot_lanes (
            lane        TEXT PRIMARY KEY,
            owner       TEXT NOT NULL,
            lease_until INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tagbot_ledger (
            lane TEXT NOT NULL,
            key  TEXT NOT NULL,
            PRIMARY KEY (lane, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tagbot_documents (
            scope    TEXT NOT NULL,
            name     TEXT NOT NULL,
            text     TEXT NOT NULL,
            saved_at INTEGER NOT NULL,
            PRIMARY KEY (scope, name)
        ) WITHOUT ROWID;
        """;

    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.SqliteConnectionString)
        {
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();
        _schema = new Lazy<Task>(() => CreateSchemaAsync(CancellationToken.None));
    }

    /// <summary>A connection on the ready schema: whoever touches the store first creates it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _schema.Value.WaitAsync(cancellationToken);

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // busy_timeout lets concurrent writers queue instead of failing; synchronous=FULL makes a
        // commit survive power loss, which is what "stored durably before the 2xx" promises.
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(_connectionString).DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenRawAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL is a property of the file: set once, kept by every later connection.
        command.CommandText = "PRAGMA journal_mode = WAL;" + Schema + Ballots.BallotSchema.Sqlite + Comments.CommentCacheSchema.Sqlite;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
