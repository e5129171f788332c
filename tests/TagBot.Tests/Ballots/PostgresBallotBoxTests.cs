using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Inbox.Postgres;
using TagBot.Inbox.Sql;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Ballots;

/// <summary>The ballot box on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class PostgresBallotBoxTests(PostgresServer server) : BallotBoxContractTests
{
    private PostgresDatabase? _database;

    protected override string TablesQuery => "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";

    protected override async Task<IStoreDatabase> CreateDatabaseAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        _database = new PostgresDatabase(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = connectionString }));
        return _database;
    }

    public override async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
