using System.Net;
using System.Text;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Observability;

/// <summary><c>GET /metrics</c> of the real app after real deliveries, reconciles and GitHub calls.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<(string Text, PrometheusText Parsed)> ScrapeAsync()
    {
        using var client = _world.App.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        return (text, PrometheusText.Parse(text));
    }

    [Fact]
    public async Task A_processed_delivery_shows_in_every_family()
    {
        var issue = await _world.OpenIssueAsync("member-mia", "Adopt a proposal process", "proposal");
        await _world.IdleAsync();

        var (text, metrics) = await ScrapeAsync();

        Assert.Equal("counter", metrics.Types["tagbot_webhook_deliveries_total"]);
        Assert.True(metrics.Value("tagbot_webhook_deliveries_total", ("event", "issues"), ("action", "opened"), ("outcome", "stored")) >= 1, text);

        Assert.Equal("histogram", metrics.Types["tagbot_reconcile_duration_seconds"]);
        Assert.True(metrics.Value("tagbot_reconcile_duration_seconds_count", ("outcome", "ok")) >= 1, text);
        Assert.NotEmpty(metrics.Find("tagbot_reconcile_duration_seconds_bucket", ("outcome", "ok"), ("le", "+Inf")));
        Assert.NotEmpty(metrics.Find("tagbot_reconcile_duration_seconds_bucket", ("le", "0.5")));

        Assert.Equal("counter", metrics.Types["tagbot_github_requests_total"]);
        Assert.True(metrics.Value("tagbot_github_requests_total", ("method", "GET"), ("status", "200")) >= 1, text);
        Assert.True(metrics.Value("tagbot_github_requests_total", ("method", "POST"), ("status", "201")) >= 1, text); // the status comment

        Assert.Equal("gauge", metrics.Types["tagbot_github_rate_limit_remaining"]);
        var remaining = Assert.Single(metrics.Find("tagbot_github_rate_limit_remaining", ("installation", GovernanceWorld.Installation.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("resource", "core")));
        Assert.Equal(_world.GitHub.RateLimitFor(GovernanceWorld.Installation).Remaining, remaining.Value);
        Assert.Single(metrics.Find("tagbot_github_rate_limit_remaining", ("installation", "app")));

        Assert.Equal("gauge", metrics.Types["tagbot_inbox_pending"]);
        Assert.Equal(0, metrics.Value("tagbot_inbox_pending"));
        Assert.True(issue > 0);
    }

    [Fact]
    public async Task Pending_deliveries_are_read_from_the_store_at_each_scrape()
    {
        await _world.StopTagBotAsync();
        _world.StartTagBot(workers: 0);
        await WaitForStartupSweepAsync(); // it queues the repository, and nothing drains it
        var before = (await ScrapeAsync()).Parsed.Value("tagbot_inbox_pending");
        Assert.Equal(1, before);

        await _world.OpenIssueAsync("member-mia", "One", "proposal");
        await _world.OpenIssueAsync("member-mia", "Two", "proposal");

        Assert.Equal(before + 2, (await ScrapeAsync()).Parsed.Value("tagbot_inbox_pending"));
    }

    private async Task WaitForStartupSweepAsync()
    {
        for (var i = 0; i < 300 && await _world.Inbox.PendingCountAsync(CancellationToken.None) == 0; i++)
        {
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Duplicates_rejections_and_ignored_events_are_counted_by_outcome()
    {
        var payload = Payloads.Issues("opened", GovernanceWorld.Repo, GovernanceWorld.Installation, 1, "member-mia", ["proposal"]);
        var before = (await ScrapeAsync()).Parsed;

        await _world.Deliver("issues", payload, "metrics-dup");
        await _world.Deliver("issues", payload, "metrics-dup");
        using var forged = await _world.Webhooks.PostRawAsync("issues", Encoding.UTF8.GetBytes(payload), "metrics-forged", signature: WebhookSender.Sign("wrong", Encoding.UTF8.GetBytes(payload)));
        using var unknown = await _world.Webhooks.PostRawAsync("made_up_event", Encoding.UTF8.GetBytes("{}"), "metrics-unknown");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(unknown.IsSuccessStatusCode);

        var after = (await ScrapeAsync()).Parsed;
        double Increase(params (string, string)[] labels) =>
            after.Value("tagbot_webhook_deliveries_total", labels) - before.Value("tagbot_webhook_deliveries_total", labels);

        Assert.True(Increase(("event", "issues"), ("outcome", "stored")) >= 1);
        Assert.True(Increase(("event", "issues"), ("outcome", "duplicate")) >= 1);
        Assert.True(Increase(("event", "issues"), ("outcome", "rejected")) >= 1);
        Assert.True(Increase(("event", "other"), ("outcome", "ignored")) >= 1);
        // A sender-controlled header never becomes a label value.
        Assert.Empty(after.Find("tagbot_webhook_deliveries_total", ("event", "made_up_event")));
    }
}
