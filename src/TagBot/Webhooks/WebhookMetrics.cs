using System.Diagnostics.Metrics;

namespace TagBot.Webhooks;

/// <summary>
/// <c>tagbot_webhook_deliveries_total{event,action,outcome}</c>, on the standard .NET meter so
/// any exporter can read it. The intake records what it stored, found duplicate or ignored; the
/// requests it never saw (bad signature, malformed or oversized body, ping, unhandled events,
/// storage down) are recorded by the observability middleware from the response status.
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "TagBot";

    /// <summary>Event names used as label values; anything else is <c>other</c> (the header is sender-controlled).</summary>
    private static readonly HashSet<string> KnownEvents = [.. DeliveryRouter.HandledEvents, "ping"];

    private static readonly AsyncLocal<RequestTracker?> CurrentRequest = new();

    private readonly Counter<long> _deliveries;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        // The factory owns the meter and disposes it with the container.
        var meter = meterFactory.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("tagbot_webhook_deliveries", description: "Webhook deliveries by event, action and outcome (stored, duplicate, ignored, rejected, failed)");
    }

    public void Delivery(string eventName, string? action, string outcome)
    {
        CurrentRequest.Value?.Recorded = true;
        _deliveries.Add(1, new("event", eventName), new("action", action ?? ""), new("outcome", outcome));
    }

    /// <summary>Starts watching one webhook request: whether the intake records its outcome.</summary>
    public RequestTracker TrackRequest()
    {
        var tracker = new RequestTracker();
        CurrentRequest.Value = tracker;
        return tracker;
    }

    /// <summary>Records a request the intake did not record, by its response status.</summary>
    public void Unprocessed(RequestTracker request, string eventHeader, int status)
    {
        if (request.Recorded)
        {
            return;
        }

        var outcome = status switch
        {
            >= 500 => "failed",
            >= 400 => "rejected",
            _ => "ignored",
        };
        Delivery(KnownEvents.Contains(eventHeader) ? eventHeader : "other", action: null, outcome);
    }

    /// <summary>One webhook request in flight; the intake's record of it flows back through the async context.</summary>
    public sealed class RequestTracker : IDisposable
    {
        public bool Recorded { get; set; }

        public void Dispose() => CurrentRequest.Value = null;
    }
}
