using System.Diagnostics.Metrics;

namespace TagBot.Webhooks;

/// <summary>Counters of the intake, on the standard .NET meter so any exporter can read them.</summary>
public sealed class WebhookMetrics : IDisposable
{
    public const string MeterName = "TagBot";

    private readonly Meter _meter;
    private readonly Counter<long> _deliveries;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _deliveries = _meter.CreateCounter<long>("tagbot_webhook_deliveries", description: "Webhook deliveries by event and outcome");
    }

    public void Delivery(string eventName, string? action, string outcome) =>
        _deliveries.Add(1, new("event", eventName), new("action", action ?? ""), new("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
