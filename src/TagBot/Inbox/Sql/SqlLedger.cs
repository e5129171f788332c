namespace TagBot.Inbox.Sql;

/// <summary>The ledger in SQL that SQLite and PostgreSQL both run as written.</summary>
public sealed class SqlLedger(IStoreDatabase database, TimeProvider clock) : ILedger
{
    public async Task<IReadOnlySet<string>> KeysAsync(string lane, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT key FROM tagbot_ledger WHERE lane = @lane").With("@lane", lane);
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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.Command("INSERT INTO tagbot_ledger (lane, key) VALUES (@lane, @key) ON CONFLICT DO NOTHING", transaction)
            .With("@lane", lane)
            .With("@key", "");
        foreach (var key in keys)
        {
            command.Parameters["@key"].Value = key;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> GetDocumentAsync(string scope, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT text FROM tagbot_documents WHERE scope = @scope AND name = @name")
            .With("@scope", scope)
            .With("@name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetDocumentAsync(string scope, string name, string text, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            INSERT INTO tagbot_documents (scope, name, text, saved_at) VALUES (@scope, @name, @text, @now)
            ON CONFLICT (scope, name) DO UPDATE SET text = @text, saved_at = @now
            """)
            .With("@scope", scope)
            .With("@name", name)
            .With("@text", text)
            .With("@now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
