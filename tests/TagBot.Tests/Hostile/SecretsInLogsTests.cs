using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TagBot.Core.Status;
using TagBot.GitHub;
using TagBot.Reconcile;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Hostile;

/// <summary>
/// Every log line TagBot writes, at every level, while it starts, takes deliveries signed well and
/// badly, mints installation tokens with its App JWT, reconciles, meets GitHub errors and sweeps:
/// none holds the webhook secrets, a line of the private key, an installation token or a JWT.
/// The credentials are the ones that really went over the wire, recorded on the way out.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private const string OldSecret = "previous secret, still valid 19c2";
    private readonly CredentialRecorder _credentials = new();
    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync(workers: 0);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task No_secret_key_token_or_JWT_reaches_a_log_line()
    {
        using var logs = new LogCapture();
        await using var tagbot = await IsolatedTagBot.StartAsync(_world, new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecretPrevious"] = OldSecret,
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }, workers: 2, services: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
            services.AddHttpClient(GitHubClientFactory.HttpClientName).AddHttpMessageHandler(() => new RecordingHandler(_credentials));
        });
        var repo = GovernanceWorld.Repo;

        // Deliveries: signed with each secret, forged, unsigned, malformed; an App ping.
        var issue = GitHub.CreateIssue(repo, "chair-carla", "Proposal", "Please comment.", ["proposal"]);
        await Send(tagbot, "issues", Payloads.Issues("opened", repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]), GovernanceWorld.Secret);
        await Comment(tagbot, issue, "member-mia", "/support", OldSecret);
        await Comment(tagbot, issue, "random-rita", "/triage", GovernanceWorld.Secret);
        await Send(tagbot, "issue_comment", "{\"action\":\"created\"}", "a guess");
        await Send(tagbot, "issue_comment", "{\"action\":\"created\"}", null);
        await Send(tagbot, "issues", "{\"action\":\"opened\",\"issue\":{\"number\":\"seven\"}}", GovernanceWorld.Secret);
        await Send(tagbot, "ping", Payloads.AppPing(GitHub.AppId), OldSecret);
        await tagbot.IdleAsync();

        // GitHub failing: 502s past the retries, then every installation token revoked (401) until it is due for renewal.
        GitHub.Faults.Add("GET", $"/repos/{repo}/issues/{issue}", Fault.Status(502), times: 6);
        await Comment(tagbot, issue, "lead-lee", "/support", GovernanceWorld.Secret);
        await DrainAsync(tagbot);
        GitHub.ExpireTokens();
        await Comment(tagbot, issue, "chair-carla", "/decide accept", GovernanceWorld.Secret);
        await WaitForAsync(() => logs.Lines.Count(l => l.Contains("Reconcile of", StringComparison.Ordinal)) >= 2);
        _world.Clock.Advance(TimeSpan.FromHours(2));
        await DrainAsync(tagbot);
        await tagbot.Services.GetRequiredService<Sweeper>().RunOnceAsync(CancellationToken.None);
        await DrainAsync(tagbot);

        // The run did what it should, so its logs cover the paths that matter.
        Assert.Contains(GitHub.Comments(repo, issue), c => Markers.IsStatus(c.Body));
        Assert.True(GitHub.IssuedTokens().Count >= 2, $"{GitHub.IssuedTokens().Count} tokens issued");
        Assert.Contains(_credentials.Values, c => c.Count(ch => ch == '.') == 2); // an App JWT went out
        var lines = logs.Lines;
        Assert.Contains(lines, l => l.Contains("signed with GitHub__WebhookSecretPrevious", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Rejected delivery", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Trace", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Bad credentials", StringComparison.Ordinal)); // the failed reconciles, exceptions and all
        Assert.True(GitHub.Issue(repo, issue).State == "closed", "the chair's decision was applied in the end");

        LogAssert.RevealsNothing(lines,
        [
            GovernanceWorld.Secret,
            OldSecret,
            .. LogAssert.PemLines(GitHub.PrivateKeyPem),
            .. GitHub.IssuedTokens().Select(t => t.Token),
            .. _credentials.Values,
            .. _credentials.Values.Where(c => c.Count(ch => ch == '.') == 2).Select(jwt => jwt.Split('.')[2]),
        ]);
    }

    /// <summary>Moves the clock on until every delivery is processed, failed reconciles' backoff included.</summary>
    private async Task DrainAsync(IsolatedTagBot tagbot)
    {
        var inbox = tagbot.Services.GetRequiredService<TagBot.Inbox.IInbox>();
        await WaitForAsync(() =>
        {
            _world.Clock.Advance(TimeSpan.FromMinutes(1));
            return inbox.PendingCountAsync(CancellationToken.None).GetAwaiter().GetResult() == 0;
        });
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }

    private async Task Comment(IsolatedTagBot tagbot, int issue, string author, string body, string secret)
    {
        var id = GitHub.AddComment(GovernanceWorld.Repo, issue, author, body);
        await Send(tagbot, "issue_comment",
            Payloads.IssueComment("created", GovernanceWorld.Repo, GovernanceWorld.Installation, issue, _world.GitHub.Issue(GovernanceWorld.Repo, issue).Labels, id, author, body),
            secret);
    }

    private static async Task Send(IsolatedTagBot tagbot, string eventName, string payload, string? secret)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        using var response = await tagbot.Webhooks.PostRawAsync(eventName, body, Guid.NewGuid().ToString(), sign: false,
            signature: secret is null ? null : WebhookSender.Sign(secret, body));
    }

    /// <summary>The credentials TagBot sends to GitHub: JWTs and installation tokens, as they leave.</summary>
    private sealed class CredentialRecorder
    {
        private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Values => [.. _seen.Keys];

        public void Record(string credential) => _seen.TryAdd(credential, true);
    }

    private sealed class RecordingHandler(CredentialRecorder recorder) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is { Parameter: { Length: > 0 } credential })
            {
                recorder.Record(credential);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
