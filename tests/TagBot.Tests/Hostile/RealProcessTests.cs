using System.Net;
using System.Net.Sockets;
using System.Text;
using TagBot.Core.Status;
using TagBot.Tests.Harness;
using TagBot.Tests.Webhooks;

namespace TagBot.Tests.Hostile;

/// <summary>
/// The real executable on real Kestrel, configured with environment variables as an operator
/// would: what an in-process test server cannot show (Kestrel's body limit on a chunked upload,
/// the console log).
/// </summary>
public sealed class RealProcessTests : IAsyncLifetime
{
    private const string OldSecret = "rotated-out secret 7f3a";
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(workers: 0);
        await _world.StopTagBotAsync(); // the process below is the only TagBot on the world's database
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static async Task<HttpClient> WaitUntilReadyAsync(TagBotProcess tagbot, int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return client;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        client.Dispose();
        throw new TimeoutException("TagBot did not become ready:\n" + tagbot.Output);
    }

    private TagBotProcess Start(int port, int workers, Dictionary<string, string?>? extra = null)
    {
        var settings = _world.Settings(workers);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return TagBotProcess.Start(settings);
    }

    [Fact]
    public async Task A_chunked_body_over_25_MB_is_refused_with_413_and_the_service_keeps_serving()
    {
        var port = StartupTests.FreePort();
        using var tagbot = Start(port, workers: 0);
        using var client = await WaitUntilReadyAsync(tagbot, port);

        var answer = await PostChunkedAsync(port, bytes: 64L * 1024 * 1024);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        await AbandonUploadAsync(port);
        // The abandoned upload is noticed whenever Kestrel next reads from it; under load that can take a
        // while, so the test does not wait for the log line, only for the service to keep serving.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain("fail:", tagbot.Output, StringComparison.Ordinal);
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        var sender = new WebhookSender(client, GovernanceWorld.Secret);
        using var genuine = await sender.PostAsync("issue_comment",
            Payloads.IssueComment("created", GovernanceWorld.Repo, GovernanceWorld.Installation, 1, ["proposal"], 1, "member-mia", "/support"));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task With_both_secrets_set_by_environment_either_signs_and_none_of_them_reaches_the_console_log()
    {
        var port = StartupTests.FreePort();
        using var tagbot = Start(port, workers: 1, new()
        {
            ["GitHub:WebhookSecretPrevious"] = OldSecret,
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:Console:FormatterName"] = "json", // structured: every property of every entry, as a log shipper reads it
            ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        });
        using var client = await WaitUntilReadyAsync(tagbot, port);
        var issue = _world.GitHub.CreateIssue(GovernanceWorld.Repo, "chair-carla", "Proposal", "Please comment.", ["proposal"]);
        var opened = Encoding.UTF8.GetBytes(Payloads.Issues("opened", GovernanceWorld.Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]));
        var commentId = _world.GitHub.AddComment(GovernanceWorld.Repo, issue, "member-mia", "/support");
        var comment = Encoding.UTF8.GetBytes(Payloads.IssueComment(
            "created", GovernanceWorld.Repo, GovernanceWorld.Installation, issue, ["proposal"], commentId, "member-mia", "/support"));
        var sender = new WebhookSender(client, GovernanceWorld.Secret);

        using var current = await sender.PostRawAsync("issues", opened, "signed-new");
        using var previous = await sender.PostRawAsync("issue_comment", comment, "signed-old", signature: WebhookSender.Sign(OldSecret, comment));
        using var forged = await sender.PostRawAsync("issue_comment", comment, "forged", signature: WebhookSender.Sign("guess", comment));

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.OK, previous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await WaitForAsync(() => _world.GitHub.Comments(GovernanceWorld.Repo, issue).Any(c => Markers.IsStatus(c.Body))
            && _world.GitHub.Reactions(commentId).Count > 0, tagbot);

        // The console logger writes from a queue of its own: wait for the lines this run must have produced.
        await WaitForAsync(() => tagbot.Output.Contains("signed with GitHub__WebhookSecretPrevious", StringComparison.Ordinal)
            && tagbot.Output.Contains("Rejected delivery forged", StringComparison.Ordinal)
            && tagbot.Output.Contains("Reconciled cncf/tag-security#", StringComparison.Ordinal), tagbot);
        var output = tagbot.Output;
        Assert.Contains("\"LogLevel\":\"Trace\"", output, StringComparison.Ordinal); // everything is logged, down to Trace
        var tokens = _world.GitHub.IssuedTokens();
        Assert.NotEmpty(tokens);
        LogAssert.RevealsNothing(
            output.Split('\n'),
            [GovernanceWorld.Secret, OldSecret, .. LogAssert.PemLines(_world.GitHub.PrivateKeyPem), .. tokens.Select(t => t.Token)]);
    }

    private static async Task WaitForAsync(Func<bool> condition, TagBotProcess tagbot)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "TagBot did not get there:\n" + tagbot.Output);
    }

    /// <summary>
    /// Streams a chunked body of <paramref name="bytes"/> over a raw socket while reading the
    /// answer, and returns the answer's head. The server may answer and close before the body is
    /// sent: the write then fails, and the answer already read is what counts.
    /// </summary>
    private static async Task<string> PostChunkedAsync(int port, long bytes)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var stream = socket.GetStream();
        var head = "POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-GitHub-Event: issue_comment\r\n"
            + $"X-GitHub-Delivery: huge\r\nX-Hub-Signature-256: sha256={new string('0', 64)}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var answer = ReadHeadAsync(stream);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        var prefix = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        try
        {
            for (long sent = 0; sent < bytes && !answer.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(prefix);
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server stopped reading and closed: expected once it has answered.
        }

        return await answer.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Starts a chunked upload and walks away in the middle of it.</summary>
    private static async Task AbandonUploadAsync(int port)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var stream = socket.GetStream();
        var head = "POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-GitHub-Event: issues\r\n"
            + "X-GitHub-Delivery: abandoned\r\nTransfer-Encoding: chunked\r\n\r\n10000\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + new string(' ', 30_000)));
        socket.Client.LingerState = new LingerOption(true, 0); // close with a reset, as a dropped connection does
        socket.Close();
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int n;
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && (n = await stream.ReadAsync(buffer)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
        }
        catch (IOException e)
        {
            received.Append("\n(connection: ").Append(e.Message).Append(')');
        }

        return received.ToString();
    }
}
