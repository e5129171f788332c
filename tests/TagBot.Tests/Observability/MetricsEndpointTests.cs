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

    private Task<(string Text, PrometheusText Parsed)> ScrapeAsync() => ScrapeOf(_world);

    private static async Task<(string Text, PrometheusText Parsed)> ScrapeOf(GovernanceWorld world)
    {
        using var client = world.App.CreateClient();
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
        Assert.Equal(1, metrics.Value("tagbot_webhook_deliveries_total", ("event", "issues"), ("action", "opened"), ("outcome", "stored")));
        Assert.Equal(1, metrics.Value("tagbot_webhook_deliveries_total"));

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
        var before = (await ScrapeAsync()).Parsed.Value("tagbot_inbox_pending");
        Assert.Equal(0, before);

        await _world.OpenIssueAsync("member-mia", "One", "proposal");
        await _world.OpenIssueAsync("member-mia", "Two", "proposal");

        Assert.Equal(before + 2, (await ScrapeAsync()).Parsed.Value("tagbot_inbox_pending"));
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

        Assert.Equal(1, Increase(("event", "issues"), ("action", "opened"), ("outcome", "stored")));
        Assert.Equal(1, Increase(("event", "issues"), ("action", "opened"), ("outcome", "duplicate")));
        Assert.Equal(1, Increase(("event", "issues"), ("action", ""), ("outcome", "rejected")));
        Assert.Equal(1, Increase(("event", "other"), ("action", ""), ("outcome", "ignored")));
        Assert.Equal(4, Increase());
        // A sender-controlled header never becomes a label value.
        Assert.Empty(after.Find("tagbot_webhook_deliveries_total", ("event", "made_up_event")));
    }

    [Fact]
    public async Task Another_app_in_the_same_process_does_not_show_in_this_one()
    {
        await using var other = await GovernanceWorld.StartAsync(workers: 1);
        other.GitHub.SetRateLimitRemaining(GovernanceWorld.Installation, 100);
        await other.OpenIssueAsync("member-mia", "Elsewhere", "proposal");
        await other.IdleAsync();
        await _world.IdleAsync();

        var metrics = (await ScrapeAsync()).Parsed;
        var theirs = (await ScrapeOf(other)).Parsed;

        Assert.Equal(1, theirs.Value("tagbot_webhook_deliveries_total"));
        Assert.Equal(0, metrics.Value("tagbot_webhook_deliveries_total"));
        Assert.Contains(theirs.Find("tagbot_github_rate_limit_remaining", ("installation", "777")), s => s.Value < 100);
        Assert.DoesNotContain(metrics.Find("tagbot_github_rate_limit_remaining"), s => s.Value < 100);

        // Every request the other app's fake GitHub answered is counted there once, by method and status.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var answered = other.GitHub.Requests.Snapshot();
            theirs = (await ScrapeOf(other)).Parsed;
            var counted = theirs.Find("tagbot_github_requests_total").ToDictionary(r => (r.Labels["method"], r.Labels["status"]), r => r.Value);
            var expected = answered.GroupBy(r => (r.Method, r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToDictionary(g => g.Key, g => (double)g.Count());
            if (expected.Count > 0 && counted.Count == expected.Count && !counted.Except(expected).Any())
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"counted {string.Join(", ", counted)}; answered {string.Join(", ", expected)}");
            await Task.Delay(100);
        }
    }
}
