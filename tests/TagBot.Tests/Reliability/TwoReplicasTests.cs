using Npgsql;
using TagBot.Core.Status;
using TagBot.Tests.Harness;
using Xunit.Abstractions;

namespace TagBot.Tests.Reliability;

/// <summary>
/// Scale-out: two real TagBot processes on one PostgreSQL database, started together on an empty
/// schema, each receiving half the deliveries (and every delivery sent to both, as a redelivery
/// would). Every delivery is processed exactly once, by one of them, and the effects are single.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoReplicasTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private const int Issues = 12;
    private const int Deliveries = 300;
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(workers: 0);
        await _world.StopTagBotAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Each_delivery_is_processed_exactly_once_across_two_processes()
    {
        var github = _world.GitHub;
        var connectionString = await postgres.CreateDatabaseAsync();
        var issues = Enumerable.Range(0, Issues).Select(i => github.CreateIssue(Repo, "chair-carla", $"Proposal {i}", "body", ["proposal"])).ToArray();
        var planned = Enumerable.Range(0, Deliveries).Select(i =>
        {
            var issue = issues[i % Issues];
            var author = $"user-{i}";
            var id = github.AddComment(Repo, issue, author, "/support");
            return (Id: $"replica-{i}", Payload: Payloads.IssueComment("created", Repo, GovernanceWorld.Installation, issue, ["proposal"], id, author, "/support"));
        }).ToList();

        int[] ports = [Webhooks.StartupTests.FreePort(), Webhooks.StartupTests.FreePort()];
        var replicas = ports.Select(port =>
        {
            var settings = _world.Settings(workers: 3);
            settings["Storage:Provider"] = "postgres";
            settings["Storage:ConnectionString"] = connectionString;
            settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            settings["Logging:LogLevel:Default"] = "Warning";
            return TagBotProcess.Start(settings);
        }).ToList();
        try
        {
            var clients = ports.Select(port => new WebhookSender(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }, GovernanceWorld.Secret)).ToList();
            await Task.WhenAll(ports.Select((port, i) => replicas[i].WaitReadyAsync(port)));

            var statuses = await Task.WhenAll(planned.Select(async (delivery, i) =>
            {
                using var first = await clients[i % 2].PostAsync("issue_comment", delivery.Payload, delivery.Id);
                using var again = await clients[(i + 1) % 2].PostAsync("issue_comment", delivery.Payload, delivery.Id);
                return ((int)first.StatusCode, (int)again.StatusCode);
            }));
            Assert.All(statuses, s => Assert.Equal((200, 200), s));

            await WaitProcessedAsync(connectionString, TimeSpan.FromMinutes(2));
            var byOwner = await ProcessedByAsync(connectionString);
            output.WriteLine(string.Join(", ", byOwner.Select(o => $"{o.Key}: {o.Value}")));

            Assert.Equal(Deliveries, byOwner.Values.Sum());
            Assert.Equal(2, byOwner.Keys.Select(owner => owner.Split(':')[1]).Distinct().Count());
            foreach (var issue in issues)
            {
                var status = Assert.Single(github.Comments(Repo, issue), c => c.Author == github.BotLogin);
                Assert.True(Markers.IsStatus(status.Body));
                Assert.Contains($"({Deliveries / Issues} support, 0 object)", status.Body, StringComparison.Ordinal);
            }

            Assert.Empty(github.UnhandledErrors);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                replica.Dispose();
            }
        }
    }

    private static async Task WaitProcessedAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM tagbot_deliveries WHERE state = 0", connection);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("deliveries still pending");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Processed webhook deliveries per worker that completed them (owner = host:pid:guid).</summary>
    private static async Task<Dictionary<string, int>> ProcessedByAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT completed_by, COUNT(*) FROM tagbot_deliveries WHERE state = 1 AND delivery_id LIKE 'replica-%' GROUP BY completed_by", connection);
        var result = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return result;
    }
}
