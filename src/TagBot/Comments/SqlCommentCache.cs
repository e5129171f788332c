using System.Data.Common;
using TagBot.Inbox.Sql;

namespace TagBot.Comments;

/// <summary>The comment cache in SQL that SQLite and PostgreSQL both run as written.</summary>
public sealed class SqlCommentCache(IStoreDatabase database) : ICommentCache
{
    private const string Upsert = """
        INSERT INTO tagbot_comments (issue, comment_id, login, author_id, author_is_bot, body, created_at, updated_at, url)
        VALUES (@issue, @id, @login, @author, @bot, @body, @created, @updated, @url)
        ON CONFLICT (issue, comment_id) DO UPDATE SET login = @login, author_id = @author, author_is_bot = @bot,
            body = @body, created_at = @created, updated_at = @updated, url = @url
        """;

    public async Task<CachedIssueComments?> LoadAsync(string issue, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var read = connection.Command("SELECT full_read_at FROM tagbot_comment_reads WHERE issue = @issue", transaction).With("@issue", issue);
        if (await read.ExecuteScalarAsync(cancellationToken) is not { } fullReadAt)
        {
            return null;
        }

        var comments = new List<CachedComment>();
        await using (var command = connection.Command("""
            SELECT comment_id, login, author_id, author_is_bot, body, created_at, updated_at, url
            FROM tagbot_comments WHERE issue = @issue ORDER BY comment_id
            """, transaction).With("@issue", issue))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                comments.Add(new CachedComment(
                    reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3) != 0, reader.GetString(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                    reader.GetString(7)));
            }
        }

        var deleted = new HashSet<long>();
        await using (var command = connection.Command("SELECT comment_id FROM tagbot_comment_deletions WHERE issue = @issue", transaction).With("@issue", issue))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted.Add(reader.GetInt64(0));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new CachedIssueComments(comments, deleted, DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(fullReadAt, System.Globalization.CultureInfo.InvariantCulture)));
    }

    public async Task UpdateAsync(string issue, IReadOnlyCollection<CachedComment> changed, IReadOnlyCollection<long> removed, CancellationToken cancellationToken)
    {
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteAsync(connection, transaction, issue, changed, cancellationToken);
        await using (var command = connection.Command("DELETE FROM tagbot_comments WHERE issue = @issue AND comment_id = @id", transaction)
            .With("@issue", issue).With("@id", 0L))
        {
            foreach (var id in removed)
            {
                command.Parameters["@id"].Value = id;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ReplaceAsync(string issue, IReadOnlyCollection<CachedComment> comments, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = connection.Command("DELETE FROM tagbot_comments WHERE issue = @issue", transaction).With("@issue", issue))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        // A deletion the full read does not show is done with; one it still shows arrived after the read, and stays.
        var ids = comments.Select(c => c.Id).ToHashSet();
        var done = new List<long>();
        await using (var command = connection.Command("SELECT comment_id FROM tagbot_comment_deletions WHERE issue = @issue", transaction).With("@issue", issue))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!ids.Contains(reader.GetInt64(0)))
                {
                    done.Add(reader.GetInt64(0));
                }
            }
        }

        await using (var forget = connection.Command("DELETE FROM tagbot_comment_deletions WHERE issue = @issue AND comment_id = @id", transaction)
            .With("@issue", issue).With("@id", 0L))
        {
            foreach (var id in done)
            {
                forget.Parameters["@id"].Value = id;
                await forget.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await WriteAsync(connection, transaction, issue, comments, cancellationToken);
        await using (var stamp = connection.Command("""
            INSERT INTO tagbot_comment_reads (issue, full_read_at) VALUES (@issue, @at)
            ON CONFLICT (issue) DO UPDATE SET full_read_at = @at
            """, transaction).With("@issue", issue).With("@at", readAt.ToUnixTimeMilliseconds()))
        {
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeletedAsync(string issue, long commentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await RecordDeletionAsync(connection, null, issue, commentId, cancellationToken);
    }

    /// <summary>
    /// The write behind <see cref="DeletedAsync"/>, inside a caller's transaction: the inbox records the
    /// deletion a stored <c>issue_comment.deleted</c> delivery names in the transaction that stores it.
    /// </summary>
    internal static async Task RecordDeletionAsync(DbConnection connection, DbTransaction? transaction, string issue, long commentId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "INSERT INTO tagbot_comment_deletions (issue, comment_id) VALUES (@issue, @id) ON CONFLICT DO NOTHING", transaction)
            .With("@issue", issue).With("@id", commentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string issue, IReadOnlyCollection<CachedComment> comments, CancellationToken cancellationToken)
    {
        if (comments.Count == 0)
        {
            return;
        }

        // One prepared statement reused for every row, inside the caller's transaction: a first full read of
        // 10,000 comments is one commit.
        await using var command = connection.Command(Upsert, transaction)
            .With("@issue", issue).With("@id", 0L).With("@login", "").With("@author", 0L).With("@bot", 0)
            .With("@body", "").With("@created", 0L).With("@updated", 0L).With("@url", "");
        foreach (var comment in comments)
        {
            command.Parameters["@id"].Value = comment.Id;
            command.Parameters["@login"].Value = comment.Login;
            command.Parameters["@author"].Value = comment.AuthorId;
            command.Parameters["@bot"].Value = comment.AuthorIsBot ? 1 : 0;
            command.Parameters["@body"].Value = comment.Body;
            command.Parameters["@created"].Value = comment.CreatedAt.ToUnixTimeMilliseconds();
            command.Parameters["@updated"].Value = comment.UpdatedAt.ToUnixTimeMilliseconds();
            command.Parameters["@url"].Value = comment.Url;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
