using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;
using Xunit.Abstractions;

namespace TagBot.Tests.Reliability;

/// <summary>
/// The real server process under a 1,000-delivery burst, killed with SIGKILL midway and restarted
/// on the same SQLite file: every acknowledged delivery is processed, nothing is applied twice.
/// Deliveries that were not acknowledged are sent again, as GitHub's redelivery would.
/// </summary>
public sealed class KillDuringBurstTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private const int Issues = 20;
    private const int Deliveries = 1000;
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync(workers: 0);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Nothing_acknowledged_is_lost_and_nothing_is_applied_twice()
    {
        var github = _world.GitHub;
        await _world.StopTagBotAsync();
        var issues = Enumerable.Range(0, Issues).Select(i => github.CreateIssue(Repo, "chair-carla", $"Proposal {i}", "body", ["proposal"])).ToArray();
        var planned = Enumerable.Range(0, Deliveries).Select(i =>
        {
            var issue = issues[i % Issues];
            var author = $"user-{i}";
            var id = github.AddComment(Repo, issue, author, "/support");
            return (Id: $"burst-{i}", Payload: Payloads.IssueComment("created", Repo, GovernanceWorld.Installation, issue, ["proposal"], id, author, "/support"));
        }).ToList();

        var database = Path.Combine(Path.GetDirectoryName(_world.DatabasePath)!, "burst.db");
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var port = Webhooks.StartupTests.FreePort();

        using (var first = StartServer(database, port))
        {
            await first.WaitReadyAsync(port);
            await SendAsync(planned, port, acknowledged, stopAfter: Deliveries / 2);
            first.Kill();
        }

        output.WriteLine($"acknowledged before the kill: {acknowledged.Count}");
        Assert.InRange(acknowledged.Count, Deliveries / 2, Deliveries - 1);
        var beforeKill = acknowledged.Keys.ToHashSet();

        using (var second = StartServer(database, port))
        {
            await second.WaitReadyAsync(port);
            await SendAsync([.. planned.Where(p => !acknowledged.ContainsKey(p.Id))], port, acknowledged, stopAfter: int.MaxValue);
            Assert.Equal(Deliveries, acknowledged.Count);
            await WaitProcessedAsync(database, TimeSpan.FromMinutes(3));
            output.WriteLine(second.Output.Split('\n').LastOrDefault(l => l.Contains("Reconciled", StringComparison.Ordinal)) ?? "");
        }

        // Nothing lost: every acknowledged delivery is in the store, processed.
        var processed = await ProcessedIdsAsync(database);
        Assert.True(beforeKill.IsSubsetOf(processed), "a delivery acknowledged before the kill is missing");
        Assert.Equal(Deliveries, planned.Count(p => processed.Contains(p.Id)));

        // Nothing applied twice: one status comment per issue, no other comment by TagBot, one 👍 per command.
        foreach (var issue in issues)
        {
            var bot = github.Comments(Repo, issue).Where(c => c.Author == github.BotLogin).ToList();
            var status = Assert.Single(bot);
            Assert.True(Markers.IsStatus(status.Body));
            Assert.Contains($"### Non-binding positions ({Deliveries / Issues} support, 0 object)", status.Body, StringComparison.Ordinal);
            foreach (var comment in github.Comments(Repo, issue).Where(c => c.Author != github.BotLogin))
            {
                Assert.Single(github.Reactions(comment.Id), r => r.User == github.BotLogin && r.Content == "+1");
            }
        }

        var requests = github.Requests.Snapshot().Where(r => r.Path.StartsWith("repos/", StringComparison.Ordinal)).ToList();
        output.WriteLine($"GitHub requests: {requests.Count} for {Deliveries} command comments ({(double)requests.Count / Deliveries:F2} per comment, "
            + $"{requests.Count(r => r.NotModified)} were 304s)");
        Assert.Empty(github.UnhandledErrors);
    }

    private TagBotProcess StartServer(string database, int port)
    {
        var settings = _world.Settings(workers: 4);
        settings["Storage:ConnectionString"] = $"Data Source={database}";
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["TagBot:LeaseDuration"] = "00:00:03";
        settings["Logging:LogLevel:Default"] = "Warning";
        return TagBotProcess.Start(settings);
    }

    private static async Task SendAsync(
        IReadOnlyList<(string Id, string Payload)> deliveries, int port, ConcurrentDictionary<string, bool> acknowledged, int stopAfter)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var sender = new WebhookSender(client, GovernanceWorld.Secret);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < deliveries.Count && acknowledged.Count < stopAfter)
            {
                try
                {
                    using var response = await sender.PostAsync("issue_comment", deliveries[index].Payload, deliveries[index].Id);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[deliveries[index].Id] = true;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not acknowledged: GitHub would redeliver it, and so does the test.
                }
            }
        }));
    }

    private static async Task WaitProcessedAsync(string database, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await CountAsync(database, "SELECT COUNT(*) FROM tagbot_deliveries WHERE state = 0") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("deliveries still pending");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HashSet<string>> ProcessedIdsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivery_id FROM tagbot_deliveries WHERE state = 1";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
