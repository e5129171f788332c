using System.Globalization;
using System.Text.Json;
using TagBot.Tests.Harness;
using TagBot.Tests.Webhooks;

namespace TagBot.Tests.Observability;

/// <summary>The real executable's console output, as a log collector reads it: one JSON object per line.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task Every_line_is_json_and_a_delivery_carries_its_id_repository_and_issue()
    {
        await using var world = await GovernanceWorld.StartAsync(workers: 0);
        var issue = world.GitHub.CreateIssue(GovernanceWorld.Repo, "member-mia", "Adopt a proposal process", "Please comment.", ["proposal"]);
        var settings = world.Settings(workers: 1);
        var port = StartupTests.FreePort();
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetDirectoryName(world.DatabasePath)!, "process.db")}";
        settings.Remove("GitHub:PrivateKey");
        var keyPath = Path.Combine(Path.GetDirectoryName(world.DatabasePath)!, "app.pem");
        await File.WriteAllTextAsync(keyPath, world.GitHub.PrivateKeyPem);
        settings["GitHub:PrivateKeyPath"] = keyPath;
        // No Logging__Format and no ASPNETCORE_ENVIRONMENT: production defaults to JSON.
        settings["Logging:LogLevel:Polly"] = "Debug"; // a configured level beats the quiet default (attempts log at Debug)
        using var tagbot = TagBotProcess.Start(settings);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilReadyAsync(client, tagbot);

        const string deliveryId = "7f4c2a10-json-log-test";
        var payload = Payloads.Issues("opened", GovernanceWorld.Repo, GovernanceWorld.Installation, issue, "member-mia", ["proposal"]);
        using (var response = await new WebhookSender(client, GovernanceWorld.Secret).PostAsync("issues", payload, deliveryId))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var entries = await WaitForAsync(tagbot, lines => lines.Any(e => Category(e) == "TagBot.Reconcile.Reconciler" && HasDeliveryScope(e, deliveryId)));

        var intake = Assert.Single(entries, e => Category(e) == "TagBot.Webhooks.WebhookIntake" && HasDeliveryScope(e, deliveryId));
        var reconciled = entries.First(e => Category(e) == "TagBot.Reconcile.Reconciler" && HasDeliveryScope(e, deliveryId));
        foreach (var entry in new[] { intake, reconciled })
        {
            var scope = DeliveryScope(entry, deliveryId)!.Value;
            Assert.Equal(GovernanceWorld.Repo, scope.GetProperty("Repository").GetString());
            Assert.Equal(issue, scope.GetProperty("Issue").GetInt32());
            Assert.Equal("Information", entry.GetProperty("LogLevel").GetString());
            Assert.True(DateTimeOffset.TryParse(entry.GetProperty("Timestamp").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at));
            Assert.Equal(TimeSpan.Zero, at.Offset);
        }

        // Per-request HTTP client lines are quiet by default; a category the operator configured is not.
        Assert.DoesNotContain(entries, e => Category(e)!.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(entries, e => Category(e) == "Polly");
        Assert.DoesNotContain(GovernanceWorld.Secret, tagbot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", tagbot.Output, StringComparison.Ordinal);
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, TagBotProcess tagbot)
    {
        for (var i = 0; i < 150; i++)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("TagBot did not become ready:\n" + tagbot.Output);
    }

    /// <summary>Parses the output until <paramref name="done"/>; every non-empty line must be one JSON object.</summary>
    private static async Task<List<JsonElement>> WaitForAsync(TagBotProcess tagbot, Func<List<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var entries = new List<JsonElement>();
            foreach (var line in tagbot.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                    Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                    entries.Add(document.RootElement.Clone());
                }
                catch (JsonException e)
                {
                    Assert.Fail($"not a JSON log line: {line}\n{e.Message}");
                }
            }

            if (done(entries))
            {
                return entries;
            }

            Assert.True(DateTime.UtcNow < deadline, "the delivery was not reconciled in time:\n" + tagbot.Output);
            await Task.Delay(100);
        }
    }

    private static string? Category(JsonElement entry) => entry.GetProperty("Category").GetString();

    private static bool HasDeliveryScope(JsonElement entry, string deliveryId) => DeliveryScope(entry, deliveryId) is not null;

    private static JsonElement? DeliveryScope(JsonElement entry, string deliveryId)
    {
        if (!entry.TryGetProperty("Scopes", out var scopes))
        {
            return null;
        }

        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("DeliveryId", out var id)
                && id.GetString()!.Split(',').Contains(deliveryId))
            {
                return scope;
            }
        }

        return null;
    }
}
