using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Reliability;

/// <summary>
/// What the kill tests share: a burst of <c>/support</c> comments spread over some issues, sent
/// signed to real TagBot processes, and the checks on the store and on the fake GitHub afterwards.
/// </summary>
internal static class Burst
{
    public const string Repo = GovernanceWorld.Repo;

    /// <summary>One comment per delivery, round-robin over <paramref name="issues"/>, each by a different person.</summary>
    public static List<(string Id, string Payload)> Plan(FakeGitHubServer github, int[] issues, int deliveries, string prefix) =>
        [.. Enumerable.Range(0, deliveries).Select(i =>
        {
            var issue = issues[i % issues.Length];
            var author = $"user-{i}";
            var id = github.AddComment(Repo, issue, author, "/support");
            return (Id: $"{prefix}-{i}", Payload: Payloads.IssueComment("created", Repo, GovernanceWorld.Installation, issue, ["proposal"], id, author, "/support"));
        })];

    /// <summary>
    /// The settings an operator must give (the App, the secret, GitHub's address, the store, the
    /// address to listen on) and nothing else: every <c>TagBot__</c> timing — the lease above all —
    /// and every GitHub timeout is the shipped default.
    /// </summary>
    public static Dictionary<string, string?> ShippedDefaults(GovernanceWorld world, int port, string provider, string connectionString)
    {
        var settings = world.Settings(workers: 0);
        foreach (var key in settings.Keys.Where(k => k.StartsWith("TagBot:", StringComparison.Ordinal) || k == "GitHub:MaxInlineRateLimitWait").ToList())
        {
            settings.Remove(key);
        }

        settings["Storage:Provider"] = provider;
        settings["Storage:ConnectionString"] = connectionString;
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }

    /// <summary>
    /// Sends with 8 concurrent senders, each delivery to the port <paramref name="route"/> picks,
    /// until <paramref name="stopAfter"/> are acknowledged. A delivery not acknowledged (refused or
    /// cut off by a kill) is left for the caller to send again, as GitHub's redelivery would.
    /// </summary>
    public static async Task SendAsync(
        IReadOnlyList<(string Id, string Payload)> deliveries, Func<int, int> route, ConcurrentDictionary<string, bool> acknowledged, int stopAfter)
    {
        var senders = new ConcurrentDictionary<int, WebhookSender>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < deliveries.Count && acknowledged.Count < stopAfter)
            {
                var sender = senders.GetOrAdd(route(index), port =>
                    new WebhookSender(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) }, GovernanceWorld.Secret));
                try
                {
                    using var response = await sender.PostAsync("issue_comment", deliveries[index].Payload, deliveries[index].Id);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[deliveries[index].Id] = true;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not acknowledged: GitHub would redeliver it, and so does the test.
                }
            }
        }));
    }

    /// <summary>
    /// <see cref="TagBotProcess.WaitReadyAsync"/>, tolerating a first <c>/readyz</c> slower than its
    /// 2-second client timeout (two processes starting at once on a busy machine).
    /// </summary>
    public static async Task WaitReadyAsync(TagBotProcess process, int port)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                await process.WaitReadyAsync(port);
                return;
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    /// <summary>Exactly one status comment per issue counting every supporter, and one 👍 per command comment: nothing applied twice.</summary>
    public static void AssertAppliedOnce(FakeGitHubServer github, int[] issues, int perIssue)
    {
        foreach (var issue in issues)
        {
            var status = Assert.Single(github.Comments(Repo, issue), c => c.Author == github.BotLogin);
            Assert.True(Markers.IsStatus(status.Body));
            Assert.Contains($"### Non-binding positions ({perIssue} support, 0 object)", status.Body, StringComparison.Ordinal);
            foreach (var comment in github.Comments(Repo, issue).Where(c => c.Author != github.BotLogin))
            {
                Assert.Single(github.Reactions(comment.Id), r => r.User == github.BotLogin);
            }
        }

        Assert.Empty(github.UnhandledErrors);
    }

    /// <summary>Whether the process named in a worker's owner id (<c>host:pid:guid</c>) is running.</summary>
    public static bool OwnerAlive(string owner)
    {
        var pid = int.Parse(owner.Split(':')[^2], CultureInfo.InvariantCulture);
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>Reads the inbox tables straight from the store, SQLite or PostgreSQL (the SQL is the same).</summary>
internal sealed class StoreProbe(Func<DbConnection> connect)
{
    public static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async Task<long> PendingAsync() =>
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM tagbot_deliveries WHERE state = 0"), CultureInfo.InvariantCulture);

    /// <summary>Lanes whose lease is still live, with their owner.</summary>
    public async Task<Dictionary<string, string>> LiveLeasesAsync()
    {
        var leases = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in RowsAsync($"SELECT lane, owner FROM tagbot_lanes WHERE lease_until > {NowMs}"))
        {
            leases[row[0]] = row[1];
        }

        return leases;
    }

    /// <summary>Pending webhook deliveries (not sweeps) of these lanes.</summary>
    public async Task<HashSet<string>> PendingInAsync(IEnumerable<string> lanes)
    {
        var wanted = lanes.ToHashSet(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in RowsAsync("SELECT delivery_id, lane FROM tagbot_deliveries WHERE state = 0 AND event <> 'sweep'"))
        {
            if (wanted.Contains(row[1]))
            {
                ids.Add(row[0]);
            }
        }

        return ids;
    }

    /// <summary>Processed deliveries: id → (completed at, completed by).</summary>
    public async Task<Dictionary<string, (DateTimeOffset At, string By)>> ProcessedAsync()
    {
        var processed = new Dictionary<string, (DateTimeOffset, string)>(StringComparer.Ordinal);
        await foreach (var row in RowsAsync("SELECT delivery_id, completed_at, completed_by FROM tagbot_deliveries WHERE state = 1"))
        {
            processed[row[0]] = (DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(row[1], CultureInfo.InvariantCulture)), row[2]);
        }

        return processed;
    }

    /// <summary>Waits until nothing is pending; returns false at <paramref name="deadline"/>.</summary>
    public async Task<bool> WaitDrainedAsync(DateTime deadline)
    {
        while (await PendingAsync() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async IAsyncEnumerable<string[]> RowsAsync(string sql)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
            }

            yield return row;
        }
    }
}
