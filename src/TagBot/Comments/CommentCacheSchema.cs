namespace TagBot.Comments;

/// <summary>
/// The comment cache's tables, appended to each provider's schema. Same columns on both; only the type names
/// differ. Times are Unix milliseconds, like the inbox's.
/// </summary>
public static class CommentCacheSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS tagbot_comments (
            issue         TEXT NOT NULL,
            comment_id    INTEGER NOT NULL,
            login         TEXT NOT NULL,
            author_id     INTEGER NOT NULL,
            author_is_bot INTEGER NOT NULL,
            body          TEXT NOT NULL,
            created_at    INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL,
            url           TEXT NOT NULL,
            PRIMARY KEY (issue, comment_id)
        );
        CREATE TABLE IF NOT EXISTS tagbot_comment_reads (
            issue        TEXT PRIMARY KEY,
            full_read_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tagbot_comment_deletions (
            issue      TEXT NOT NULL,
            comment_id INTEGER NOT NULL,
            PRIMARY KEY (issue, comment_id)
        ) WITHOUT ROWID;
        """;

    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS tagbot_comments (
            issue         text NOT NULL,
            comment_id    bigint NOT NULL,
            login         text NOT NULL,
            author_id     bigint NOT NULL,
            author_is_bot integer NOT NULL,
            body          text NOT NULL,
            created_at    bigint NOT NULL,
            updated_at    bigint NOT NULL,
            url           text NOT NULL,
            PRIMARY KEY (issue, comment_id)
        );
        CREATE TABLE IF NOT EXISTS tagbot_comment_reads (
            issue        text PRIMARY KEY,
            full_read_at bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tagbot_comment_deletions (
            issue      text NOT NULL,
            comment_id bigint NOT NULL,
            PRIMARY KEY (issue, comment_id)
        );
        """;
}
