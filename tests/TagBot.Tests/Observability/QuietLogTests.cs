using System.Text.Json;
using TagBot.Tests.Harness;
using TagBot.Tests.Webhooks;

namespace TagBot.Tests.Observability;

/// <summary>
/// The real executable at default settings, started from a folder of its own (as
/// <c>dotnet run --project</c> or a service manager does, so no appsettings.json is read): health
/// probes and GitHub retry attempts stay out of the Information log, and a GitHub call that fails
/// after its retries is exactly one Warning.
/// </summary>
public sealed class QuietLogTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-quiet-");

    public void Dispose() => _directory.Delete(recursive: true);

    private async Task<List<JsonElement>> RunAsync(Dictionary<string, string?> extra)
    {
        var port = StartupTests.FreePort();
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var settings = new Dictionary<string, string?>
        {
            ["GitHub:AppId"] = "12345",
            ["GitHub:PrivateKey"] = rsa.ExportRSAPrivateKeyPem(),
            ["GitHub:WebhookSecret"] = "secret",
            // Nothing listens there: the start-up sweep's first GitHub call fails after every retry.
            ["GitHub:ApiBaseUrl"] = $"http://127.0.0.1:{StartupTests.FreePort()}/",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory.FullName, "tagbot.db")}",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        using var tagbot = TagBotProcess.StartIn(_directory.FullName, settings);
        await tagbot.WaitReadyAsync(port);
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("ok", await probe.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
            Assert.Equal("ready", await probe.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
        }

        // The sweep gives up after its retries (about 8 seconds of backoff) and says so.
        for (var i = 0; i < 600 && !tagbot.Output.Contains("Sweep failed", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500); // the console logger writes from a queue of its own
        var output = tagbot.Output;
        Assert.Contains("Sweep failed", output, StringComparison.Ordinal);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static string Level(JsonElement entry) => entry.GetProperty("LogLevel").GetString()!;

    private static string Category(JsonElement entry) => entry.GetProperty("Category").GetString()!;

    private static string Message(JsonElement entry) => entry.GetProperty("Message").GetString()!;

    [Fact]
    public async Task At_default_levels_probes_and_retry_attempts_are_not_logged_and_a_failed_call_is_one_warning()
    {
        var entries = await RunAsync([]);

        Assert.DoesNotContain(entries, e => Message(e).Contains("/healthz", StringComparison.Ordinal) || Message(e).Contains("/readyz", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => Category(e).StartsWith("Polly", StringComparison.Ordinal));
        var warning = Assert.Single(entries, e => Level(e) is "Warning" or "Error" or "Critical");
        Assert.Equal("Warning", Level(warning));
        Assert.Equal("TagBot.Reconcile.Sweeper", Category(warning));
    }

    [Fact]
    public async Task At_debug_probes_and_each_retry_attempt_are_debug_lines_and_the_failure_is_still_one_warning()
    {
        var entries = await RunAsync(new()
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Polly"] = "Debug",
        });

        var probes = entries.Where(e => Category(e) == "TagBot.Health").ToList();
        Assert.True(probes.Count >= 20, $"{probes.Count} probe lines"); // ours, and WaitReadyAsync's
        Assert.All(probes, p => Assert.Equal("Debug", Level(p)));
        var attempts = entries.Where(e => Category(e) == "Polly").ToList();
        Assert.True(attempts.Count >= 5, $"{attempts.Count} Polly lines"); // the first attempt and four retries
        Assert.All(attempts, a => Assert.Equal("Debug", Level(a)));
        Assert.Single(entries, e => Level(e) is "Warning" or "Error" or "Critical");
    }
}
