using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Inbox;
using TagBot.Inbox.Sql;
using TagBot.Inbox.Sqlite;

namespace TagBot.Tests.Inbox;

/// <summary>The inbox contract on a real SQLite file in WAL mode.</summary>
public sealed class SqliteInboxTests : InboxContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-inbox-");

    protected override Task<IInbox> CreateAsync() =>
        Task.FromResult<IInbox>(new SqlInbox(Database(), Clock));

    private SqliteDatabase Database() =>
        new(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory.FullName, "nested", "tagbot.db")}" }));

    [Fact]
    public async Task Deliveries_survive_a_new_process_on_the_same_file()
    {
        await Inbox.TryAddAsync(new Delivery("kept", "issues", "opened", 1, "o/r", 3, "x", Clock.GetUtcNow()), CancellationToken.None);

        var reopened = new SqlInbox(Database(), Clock);

        Assert.Equal(1, await reopened.PendingCountAsync(CancellationToken.None));
        Assert.False(await reopened.TryAddAsync(new Delivery("kept", "issues", "opened", 1, "o/r", 3, "x", Clock.GetUtcNow()), CancellationToken.None));
    }

    [Fact]
    public async Task The_file_is_in_write_ahead_log_mode()
    {
        await Inbox.PingAsync(CancellationToken.None);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(_directory.FullName, "nested", "tagbot.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
