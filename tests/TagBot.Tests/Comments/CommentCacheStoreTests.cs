using Microsoft.Extensions.Options;
using TagBot.Comments;
using TagBot.Configuration;
using TagBot.Inbox.Postgres;
using TagBot.Inbox.Sql;
using TagBot.Inbox.Sqlite;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Comments;

/// <summary>What the comment cache keeps, on a real SQLite file and a real PostgreSQL server (the same SQL).</summary>
public abstract class CommentCacheStoreTests : IAsyncLifetime
{
    private const string Issue = "o/r#7";
    private static readonly DateTimeOffset At = new(2026, 2, 1, 9, 30, 15, TimeSpan.Zero);

    private ICommentCache _cache = null!;

    protected abstract Task<IStoreDatabase> CreateAsync();

    public async Task InitializeAsync() => _cache = new SqlCommentCache(await CreateAsync());

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static CachedComment Comment(long id, string body, int second = 0) =>
        new(id, "ann", 42, false, body, At, At.AddSeconds(second), $"https://github.com/o/r/issues/7#issuecomment-{id}");

    [Fact]
    public async Task An_issue_never_read_in_full_has_no_cache()
    {
        await _cache.DeletedAsync(Issue, 5, CancellationToken.None);
        Assert.Null(await _cache.LoadAsync(Issue, CancellationToken.None));
    }

    [Fact]
    public async Task A_full_read_then_deltas_and_deletions_round_trip_every_field()
    {
        var bot = new CachedComment(2, "tagbot[bot]", 149000001, true, "<!-- tagbot:status -->\nstatus", At, At, "https://x/2");
        await _cache.ReplaceAsync(Issue, [Comment(1, "/support"), bot], At, CancellationToken.None);
        await _cache.UpdateAsync(Issue, [Comment(1, "/object (edited)", 5), Comment(3, "/support")], [], CancellationToken.None);
        await _cache.DeletedAsync(Issue, 3, CancellationToken.None);
        await _cache.DeletedAsync(Issue, 3, CancellationToken.None);

        var loaded = await _cache.LoadAsync(Issue, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal([Comment(1, "/object (edited)", 5), bot, Comment(3, "/support")], loaded.Comments);
        Assert.Equal([3L], loaded.Deleted);
        Assert.Equal(At, loaded.FullReadAt);
        Assert.Empty(await _cache.LoadAsync("o/r#8", CancellationToken.None) is { } other ? other.Comments : []);
    }

    [Fact]
    public async Task A_full_read_replaces_everything_and_forgets_only_the_deletions_it_shows()
    {
        await _cache.ReplaceAsync(Issue, [Comment(1, "a"), Comment(2, "b"), Comment(3, "c")], At, CancellationToken.None);
        await _cache.DeletedAsync(Issue, 2, CancellationToken.None);
        await _cache.DeletedAsync(Issue, 3, CancellationToken.None);

        // Read after 2 was deleted, before 3 was: 3's deletion is still to be applied.
        await _cache.ReplaceAsync(Issue, [Comment(1, "a"), Comment(3, "c")], At.AddDays(1), CancellationToken.None);
        var loaded = (await _cache.LoadAsync(Issue, CancellationToken.None))!;

        Assert.Equal([Comment(1, "a"), Comment(3, "c")], loaded.Comments);
        Assert.Equal([3L], loaded.Deleted);
        Assert.Equal(At.AddDays(1), loaded.FullReadAt);
    }
}

public sealed class SqliteCommentCacheStoreTests : CommentCacheStoreTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-comment-store-");

    protected override Task<IStoreDatabase> CreateAsync() =>
        Task.FromResult<IStoreDatabase>(new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory.FullName, "tagbot.db")}" })));

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommentCacheStoreTests(PostgresServer server) : CommentCacheStoreTests
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<IStoreDatabase> CreateAsync()
    {
        var database = new PostgresDatabase(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = await server.CreateDatabaseAsync() }));
        _databases.Add(database);
        return database;
    }

    public override async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
