using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Core.Elections.Ballots;
using TagBot.Inbox.Sql;
using TagBot.Inbox.Sqlite;

namespace TagBot.Tests.Ballots;

/// <summary>The ballot box on a real SQLite file.</summary>
public sealed class SqliteBallotBoxTests : BallotBoxContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-ballots-");

    private string DatabasePath => Path.Combine(_directory.FullName, "tagbot.db");

    protected override string TablesQuery => StoreRows.SqliteTables;

    protected override Task<IStoreDatabase> CreateDatabaseAsync() =>
        Task.FromResult<IStoreDatabase>(new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={DatabasePath}" })));

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task After_the_close_the_erased_secret_is_in_neither_the_database_file_nor_its_wal()
    {
        await Box.CastAsync(Election, 1001, "alice", Ballot.Approving("carol"), "s1", CancellationToken.None);
        byte[] secret;
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            secret = (await SecretAsync(connection, Election))!;
        }

        Assert.Equal(32, secret.Length);
        Assert.True(FileContains(secret), "the secret is on disk during the vote (so the search below can find it)");

        await Box.CloseAsync(Election, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.False(FileContains(secret), "the erased secret is still readable in the files");
    }

    private bool FileContains(byte[] secret) =>
        new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).Any(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray().AsSpan().IndexOf(secret) >= 0;
        });
}
