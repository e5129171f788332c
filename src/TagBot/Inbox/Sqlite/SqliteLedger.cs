using Microsoft.Data.Sqlite;

namespace TagBot.Inbox.Sqlite;

public sealed class SqliteLedger(SqliteDatabase database, TimeProvider clock) : ILedger
{
    public async Task<IReadOnlySet<string>> KeysAsync(string lane, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM ledger WHERE lane = $lane";
        command.Parameters.AddWithValue("$lane", lane);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public async Task RecordAsync(string lane, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO ledger (lane, key) VALUES ($lane, $key) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$lane", lane);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var value in keys)
        {
            key.Value = value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> GetDocumentAsync(string scope, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM documents WHERE scope = $scope AND name = $name";
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetDocumentAsync(string scope, string name, string text, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO documents (scope, name, text, saved_at) VALUES ($scope, $name, $text, $now)
            ON CONFLICT (scope, name) DO UPDATE SET text = $text, saved_at = $now
            """;
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
