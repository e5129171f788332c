using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TagBot.Comments;
using TagBot.Configuration;
using TagBot.Inbox.Sqlite;
using Xunit.Abstractions;

namespace TagBot.Tests.Comments;

/// <summary>
/// The comment cache cannot change a tally: over thousands of random histories of creates, edits and deletes
/// (deliveries lost, repeated or late; changes landing between the issue read and the comment read, and between
/// a reconcile's load and its write), every reconcile's comment list equals a full read of the issue at a moment
/// during that reconcile. The cache must also do its job: most reconciles must not read everything.
/// </summary>
public sealed class CommentCacheProperties(ITestOutputHelper output)
{
    private const string Issue = "o/r#1";

    [Fact]
    public async Task Over_5000_random_histories_the_cached_read_equals_a_full_read()
    {
        var (reconciles, fullReads) = (0, 0);
        for (var seed = 0; seed < 5000; seed++)
        {
            var (r, f) = await RunAsync(seed, new MemoryCommentCache());
            reconciles += r;
            fullReads += f;
        }

        // The histories are harsh (a fifth of deletion deliveries lost, days passing, empty issues read whole), so
        // about 29% of reconciles read everything; a cache that always fell back would read 100%.
        output.WriteLine($"{reconciles} reconciles, {fullReads} read every comment");
        Assert.InRange(fullReads, 1, reconciles / 2);
    }

    [Fact]
    public async Task Over_200_random_histories_on_a_real_SQLite_store_the_cached_read_equals_a_full_read()
    {
        var directory = Directory.CreateTempSubdirectory("tagbot-comments-");
        try
        {
            var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(directory.FullName, "tagbot.db")}" }));
            for (var seed = 0; seed < 200; seed++)
            {
                // One issue per history, so histories do not share rows.
                await RunAsync(seed, new SqlCommentCache(database), $"o/r#{seed}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <returns>How many reconciles the history ran and how many of them read every comment.</returns>
    private static async Task<(int Reconciles, int FullReads)> RunAsync(int seed, ICommentCache cache, string issue = Issue)
    {
        var random = new Random(seed);
        var history = new CommentHistory(random);
        var clock = new SettableClock();
        var reader = new CommentReader(cache, clock, NullLogger<CommentReader>.Instance);
        var reconciles = 10 + random.Next(20);
        for (var round = 0; round < reconciles; round++)
        {
            for (var steps = random.Next(6); steps > 0; steps--)
            {
                history.Step();
            }

            await DeliverAsync(history, cache, issue);
            if (random.Next(10) == 0)
            {
                history.AdvanceDays(random.Next(3));
            }

            clock.Set(history.Now);
            var before = history.Full;
            IReadOnlyList<CachedComment>? after = null;
            if (random.Next(4) == 0)
            {
                history.BeforeCount = random.Next(2) == 0;
                history.BetweenReads = () =>
                {
                    history.Step();
                    after = history.Full;
                };
            }

            if (random.Next(4) == 0 && cache is MemoryCommentCache memory)
            {
                memory.BeforeWrite = () =>
                {
                    history.DeliverLate();
                    DeliverAsync(history, cache, issue).GetAwaiter().GetResult();
                };
            }

            var read = await reader.ReadAsync(history, issue, 1, history.Count, sweep: random.Next(3) == 0, CancellationToken.None);
            history.BetweenReads = null;
            if (cache is MemoryCommentCache m)
            {
                m.BeforeWrite = null;
            }

            if (!read.SequenceEqual(before) && (after is null || !read.SequenceEqual(after)))
            {
                Assert.Fail($"seed {seed}, reconcile {round}: cached read [{string.Join(", ", read.Select(Show))}]\n"
                    + $"full read [{string.Join(", ", before.Select(Show))}]" + (after is null ? "" : $"\nor [{string.Join(", ", after.Select(Show))}]"));
            }
        }

        return (reconciles, history.FullReads);
    }

    private static async Task DeliverAsync(CommentHistory history, ICommentCache cache, string issue)
    {
        foreach (var id in history.DeliveredDeletions)
        {
            await cache.DeletedAsync(issue, id, CancellationToken.None);
        }

        history.DeliveredDeletions.Clear();
    }

    private sealed class SettableClock : TimeProvider
    {
        private DateTimeOffset _now;

        public void Set(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    private static string Show(CachedComment c) => $"{c.Id}:{c.Body}@{c.UpdatedAt:HH:mm:ss}";
}
