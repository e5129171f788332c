using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TagBot.Comments;
using TagBot.Configuration;
using TagBot.GitHub;
using TagBot.Inbox.Sqlite;
using TagBot.Tests.FakeGitHub;
using Xunit.Abstractions;

namespace TagBot.Tests.Comments;

/// <summary>
/// The comment cache over real HTTP: a few hundred random creates, edits and deletes on the fake GitHub (its
/// <c>since</c> filter and per-comment <c>updated_at</c> as GitHub's), deletion deliveries sometimes lost, and
/// after every few a reconcile's read through the cache, compared with a full read by a gateway without one.
/// </summary>
public sealed class CommentCacheHttpTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Repo = "o/debate";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-comments-http-");
    private FakeGitHubServer _github = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddRepository(Repo, 5);
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task After_every_few_of_300_random_operations_the_cached_read_equals_a_full_read()
    {
        var random = new Random(12);
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        _github.Now = () => now;
        var client = await FakeGitHubClients.InstallationClientAsync(_github, 5);
        client.ResponseCache = new EtagCache();
        var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory.FullName, "tagbot.db")}" }));
        var cache = new SqlCommentCache(database);
        var reader = new CommentReader(cache, new FakeClock(() => now), NullLogger<CommentReader>.Instance);
        var repository = RepositoryName.Parse(Repo);
        var number = _github.CreateIssue(Repo, "ann", "A long debate", labels: ["proposal"]);
        string[] people = ["ann", "bob", "cy", "dee"];
        var reconciles = 0;
        for (var op = 0; op < 300; op++)
        {
            now = now.AddSeconds(random.Next(3) == 0 ? 1 : 0);
            var existing = _github.Comments(Repo, number);
            var roll = random.Next(10);
            if (existing.Count == 0 || roll < 5)
            {
                _github.AddComment(Repo, number, people[random.Next(people.Length)], $"/vote {random.Next(3)}");
            }
            else if (roll < 8)
            {
                _github.EditComment(existing[random.Next(existing.Count)].Id, $"/vote {random.Next(3)} (edited at {op})");
            }
            else
            {
                var id = existing[random.Next(existing.Count)].Id;
                _github.DeleteComment(id);
                if (random.Next(4) != 0)
                {
                    await cache.DeletedAsync(TagBot.Inbox.LaneKey.For(Repo, number), id, CancellationToken.None);
                }
            }

            if (random.Next(4) != 0)
            {
                continue;
            }

            reconciles++;
            var cached = new IssueGateway(client, repository, new LabelCatalog(), reader);
            var read = await cached.WithCommentsAsync((await cached.ReadIssueAsync(number))!, ownLogin: null);
            var plain = new IssueGateway(client, repository, new LabelCatalog());
            var full = await plain.WithCommentsAsync((await plain.ReadIssueAsync(number))!, ownLogin: null);
            Assert.Equal(full.Comments, read.Comments);
        }

        var reads = _github.Requests.Snapshot().Where(r => r.Path.EndsWith("/comments", StringComparison.Ordinal) && r.Method == "GET").ToList();
        var deltas = reads.Count(r => r.PathAndQuery.Contains("since=", StringComparison.Ordinal));
        output.WriteLine($"{reconciles} reconciles over {_github.Comments(Repo, number).Count} comments left: {deltas} delta reads, "
            + $"{reads.Count - deltas} full-read pages (half of them the comparison's), {reads.Count(r => r.NotModified)} answered 304");
        Assert.True(deltas >= reconciles, "every reconcile after the first should read a delta");
    }

    private sealed class FakeClock(Func<DateTimeOffset> now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now();
    }
}
