using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Inbox;
using TagBot.Inbox.Postgres;
using TagBot.Inbox.Sql;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Inbox;

/// <summary>The inbox contract on a real PostgreSQL 15 server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxTests(PostgresServer server) : InboxContractTests
{
    private readonly List<PostgresDatabase> _databases = [];
    private string _connectionString = "";

    protected override async Task<IInbox> CreateAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        return new SqlInbox(Database(), Clock);
    }

    private PostgresDatabase Database()
    {
        var database = new PostgresDatabase(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = _connectionString }));
        _databases.Add(database);
        return database;
    }

    [Fact]
    public async Task Replicas_starting_together_on_an_empty_database_create_the_schema_once()
    {
        _connectionString = await server.CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 8).Select(_ => new SqlInbox(Database(), Clock)).ToList();

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.InitializeAsync(CancellationToken.None))));

        Assert.True(await replicas[0].TryAddAsync(new Delivery("d", "issues", "opened", 1, "o/r", 1, "x", Clock.GetUtcNow()), CancellationToken.None));
        Assert.False(await replicas[7].TryAddAsync(new Delivery("d", "issues", "opened", 1, "o/r", 1, "x", Clock.GetUtcNow()), CancellationToken.None));
    }

    [Fact]
    public async Task Two_processes_never_hold_one_lane_and_see_each_others_deliveries()
    {
        var other = new SqlInbox(Database(), Clock);
        await Inbox.TryAddAsync(new Delivery("a", "issues", "opened", 1, "o/r", 1, "x", Clock.GetUtcNow()), CancellationToken.None);
        await other.TryAddAsync(new Delivery("b", "issues", "opened", 1, "o/r", 2, "x", Clock.GetUtcNow()), CancellationToken.None);

        var first = await Inbox.ClaimAsync("p1", TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = await other.ClaimAsync("p2", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.NotEqual(first!.Lane, second!.Lane);
        Assert.Null(await other.ClaimAsync("p3", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    public override async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
