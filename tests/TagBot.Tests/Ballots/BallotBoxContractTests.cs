using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using TagBot.Ballots;
using TagBot.Core.Elections.Ballots;
using TagBot.Inbox.Sql;

namespace TagBot.Tests.Ballots;

/// <summary>What every ballot box promises, run on a real SQLite file and a real PostgreSQL server.</summary>
public abstract partial class BallotBoxContractTests : IAsyncLifetime
{
    protected static readonly ElectionKey Election = new("CNCF/TAG-Security", 42);

    protected IStoreDatabase Database { get; private set; } = null!;

    protected SqlBallotBox Box { get; private set; } = null!;

    protected abstract Task<IStoreDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Box = new SqlBallotBox(Database, NullLogger<SqlBallotBox>.Instance);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")]
    private static partial Regex ReceiptShape();

    [Fact]
    public async Task A_cast_returns_a_fresh_80_bit_receipt_in_four_groups_and_counts_the_voter()
    {
        var first = await Box.CastAsync(Election, 1001, "alice", Ballot.Approving("carol"), "s1", CancellationToken.None);
        var second = await Box.CastAsync(Election, 1002, "bob", Ballot.Approving("carol"), "s2", CancellationToken.None);

        Assert.Matches(ReceiptShape(), first);
        Assert.NotEqual(first, second);
        Assert.True(await Box.HasVotedAsync(Election, 1001, CancellationToken.None));
        Assert.False(await Box.HasVotedAsync(Election, 1003, CancellationToken.None));
        Assert.Equal(["alice", "bob"], await Box.VotersAsync(new ElectionKey("cncf/tag-security", 42), CancellationToken.None));
    }

    [Fact]
    public async Task A_revote_replaces_the_ballot_with_a_new_receipt_and_the_last_one_counts()
    {
        var first = await Box.CastAsync(Election, 1001, "alice", Ballot.Ranking("carol", "dave"), "s1", CancellationToken.None);
        var second = await Box.CastAsync(Election, 1001, "alice", Ballot.Ranking("dave", "carol"), "s2", CancellationToken.None);

        var ballots = await Box.CloseAsync(Election, CancellationToken.None);

        Assert.NotEqual(first, second);
        var only = Assert.Single(ballots);
        Assert.Equal(second, only.Receipt);
        Assert.Equal([["dave"], ["carol"]], only.Ballot.Preferences);
        Assert.Equal(["alice"], await Box.VotersAsync(Election, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_submission_twice_is_one_ballot_with_one_receipt()
    {
        var first = await Box.CastAsync(Election, 1001, "alice", Ballot.Approving("carol"), "same-form", CancellationToken.None);
        var again = await Box.CastAsync(Election, 1001, "alice", Ballot.Approving("carol"), "same-form", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(first, Assert.Single(await Box.CloseAsync(Election, CancellationToken.None)).Receipt);
    }

    [Fact]
    public async Task Concurrent_casts_are_all_kept()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Box.CastAsync(Election, 2000 + i, $"voter-{i:00}", Ballot.Approving("carol"), $"s{i}", CancellationToken.None))));

        Assert.Equal(20, (await Box.VotersAsync(Election, CancellationToken.None)).Count);
        Assert.Equal(20, (await Box.CloseAsync(Election, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task The_close_returns_the_ballots_by_receipt_refuses_later_casts_and_is_idempotent()
    {
        var receipts = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            receipts.Add(await Box.CastAsync(Election, 3000 + i, $"v{i}", Ballot.Approving($"c{i}"), $"s{i}", CancellationToken.None));
        }

        var closed = await Box.CloseAsync(Election, CancellationToken.None);
        var again = await Box.CloseAsync(Election, CancellationToken.None);

        Assert.Equal(receipts.Order(StringComparer.Ordinal), closed.Select(b => b.Receipt));
        Assert.Equal(closed.Select(b => (b.Receipt, Text: string.Join(",", b.Ballot.Preferences.SelectMany(t => t)))), again.Select(b => (b.Receipt, Text: string.Join(",", b.Ballot.Preferences.SelectMany(t => t)))));
        await Assert.ThrowsAsync<BallotBoxClosedException>(() => Box.CastAsync(Election, 3000, "v0", Ballot.Approving("c9"), "late", CancellationToken.None));
        Assert.Equal(6, (await Box.VotersAsync(Election, CancellationToken.None)).Count); // turnout stays public
    }

    [Fact]
    public async Task Elections_are_separate_boxes()
    {
        var other = new ElectionKey("cncf/tag-security", 43);
        await Box.CastAsync(Election, 1001, "alice", Ballot.Approving("carol"), "s1", CancellationToken.None);
        await Box.CastAsync(other, 1002, "bob", Ballot.Approving("dave"), "s2", CancellationToken.None);

        await Box.CloseAsync(Election, CancellationToken.None);

        Assert.Equal("carol", Assert.Single(Assert.Single(Assert.Single(await Box.CloseAsync(Election, CancellationToken.None)).Ballot.Preferences)));
        Assert.NotNull(await Box.CastAsync(other, 1002, "bob", Ballot.Approving("erin"), "s3", CancellationToken.None));
    }

    [Fact]
    public async Task After_the_close_no_row_of_any_table_links_a_voter_to_a_ballot()
    {
        (long Id, string Login)[] voters = [(91001L, "alice-voter"), (92002L, "bob-voter"), (93003L, "carol-voter"), (94004L, "dave-voter")];
        foreach (var (id, login) in voters)
        {
            await Box.CastAsync(Election, id, login, Ballot.Ranking("cand-x", "cand-y"), "first-" + login, CancellationToken.None);
        }

        await Box.CastAsync(Election, voters[1].Id, voters[1].Login, Ballot.Ranking("cand-y", "cand-x"), "second", CancellationToken.None); // a revote

        var ballots = await Box.CloseAsync(Election, CancellationToken.None);
        var rows = await AllRowsAsync();

        Assert.Equal(4, ballots.Count);
        Assert.Contains(rows, r => r.Contains("alice-voter", StringComparison.Ordinal)); // turnout is kept: the dump did read it
        Assert.Contains(rows, r => r.Contains(ballots[0].Receipt, StringComparison.Ordinal));
        foreach (var row in rows)
        {
            var names = voters.Any(v => row.Contains(v.Login, StringComparison.Ordinal) || row.Contains(v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            var ballot = row.Contains("cand-", StringComparison.Ordinal) || ballots.Any(b => row.Contains(b.Receipt, StringComparison.Ordinal));
            Assert.False(names && ballot, "This row links a voter to a ballot: " + row);
            Assert.DoesNotContain("first-", row, StringComparison.Ordinal); // submission ids are gone with the slots
        }

        Assert.DoesNotContain(rows, r => r.StartsWith("tagbot_ballots|", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("tagbot_ballot_elections|", StringComparison.Ordinal) && r.Contains("secret=NULL", StringComparison.Ordinal));
    }

    /// <summary>Every row of every table, as "table|column=value|…", bytes in hex.</summary>
    protected async Task<List<string>> AllRowsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await StoreRows.ReadAllAsync(connection, TablesQuery);
    }

    protected abstract string TablesQuery { get; }

    protected static async Task<byte[]?> SecretAsync(DbConnection connection, ElectionKey key)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT secret FROM tagbot_ballot_elections WHERE election = '{key}'";
        return await command.ExecuteScalarAsync() as byte[];
    }
}
