using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TagBot.Inbox.Sql;

namespace TagBot.Ballots;

/// <summary>
/// Erasing a value in a database does not erase its bytes: SQLite leaves deleted cells in free pages
/// and in the WAL file, PostgreSQL leaves dead row versions in the table's files until they are
/// rewritten. At the close the erased secret and the slot-keyed ballots must not be readable from
/// the files afterwards, so each provider is told to overwrite them.
/// </summary>
internal static class StoreScrub
{
    public static async Task BeforeCloseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection)
        {
            // Deleted and overwritten content is zeroed in the file instead of left in free space.
            await using var command = connection.Command("PRAGMA secure_delete = ON");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task AfterCloseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sql = connection switch
        {
            // Copies the WAL into the database (now zeroed there) and truncates the WAL file.
            SqliteConnection => "PRAGMA wal_checkpoint(TRUNCATE)",
            // VACUUM FULL rewrites both tables into new files and drops the old ones, dead row versions with them.
            NpgsqlConnection => "VACUUM FULL tagbot_ballots, tagbot_ballot_elections",
            _ => null,
        };
        if (sql is not null)
        {
            await using var command = connection.Command(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
