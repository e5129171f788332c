using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TagBot.Webhooks;

namespace TagBot.Observability;

/// <summary>
/// The service's instruments beyond the intake's (<see cref="WebhookMetrics"/>), on the same
/// standard .NET meter: reconcile latency, GitHub requests, rate limits and inbox depth. Nothing
/// here knows about Prometheus; the exporter names them (<c>_total</c>, <c>_seconds</c>).
/// Observable gauges report cached values: their callbacks run synchronously during a scrape.
/// </summary>
public sealed class TagBotMetrics
{
    public const string MeterName = WebhookMetrics.MeterName;

    /// <summary>Reconciles take from milliseconds (one issue, cached reads) to minutes (fan-out, rate-limit waits).</summary>
    private static readonly double[] DurationBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Histogram<double> _reconcileDuration;
    private readonly Counter<long> _githubRequests;
    private readonly ConcurrentDictionary<(string Installation, string Resource), long> _rateLimitRemaining = new();
    private long _inboxPending = -1;

    public TagBotMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _reconcileDuration = meter.CreateHistogram(
            "tagbot_reconcile_duration",
            unit: "s",
            description: "Time to process one claimed batch (one issue or one repository fan-out), by outcome",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _githubRequests = meter.CreateCounter<long>(
            "tagbot_github_requests", description: "HTTP requests sent to the GitHub API (each retry counts), by method and status");
        meter.CreateObservableGauge(
            "tagbot_github_rate_limit_remaining", ObserveRateLimits,
            description: "X-RateLimit-Remaining of the latest GitHub answer, per installation ('app' for App-level calls) and resource");
        meter.CreateObservableGauge(
            "tagbot_inbox_pending", ObserveInbox,
            description: "Deliveries stored and not yet processed (the whole shared store, refreshed at each scrape)");
    }

    public void Reconciled(TimeSpan duration, bool succeeded) =>
        _reconcileDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));

    /// <param name="status">The numeric HTTP status, or <c>error</c> when no answer came.</param>
    public void GitHubRequest(string method, string status) =>
        _githubRequests.Add(1, new("method", method), new("status", status));

    public void RateLimitRemaining(string installation, string resource, long remaining) =>
        _rateLimitRemaining[(installation, resource)] = remaining;

    public void InboxPending(long pending) => Interlocked.Exchange(ref _inboxPending, pending);

    private IEnumerable<Measurement<long>> ObserveRateLimits() =>
        _rateLimitRemaining.Select(entry => new Measurement<long>(
            entry.Value, new("installation", entry.Key.Installation), new("resource", entry.Key.Resource)));

    private IEnumerable<Measurement<long>> ObserveInbox()
    {
        var pending = Interlocked.Read(ref _inboxPending);
        return pending < 0 ? [] : [new Measurement<long>(pending)];
    }
}
