using System.Collections;
using System.Globalization;
using TagBot.Inbox;

namespace TagBot.Observability;

/// <summary>
/// Logging scopes that put <c>DeliveryId</c>, <c>Repository</c> and <c>Issue</c> on every log
/// line written while a delivery is taken in or a batch is reconciled (the JSON console writes
/// them under <c>Scopes</c>). Only identifiers: never headers, payloads or tokens.
/// </summary>
public static class LogScopes
{
    /// <summary>A batch holds every pending delivery of its lane; more ids than this are counted, not listed.</summary>
    public const int MaxDeliveryIds = 20;

    /// <summary>The intake's scope: one delivery, routed to zero or more lanes (the first one names it).</summary>
    public static IDisposable? Delivery(ILogger logger, string deliveryId, IReadOnlyList<Delivery> routes) =>
        logger.BeginScope(routes.Count == 0
            ? new Scope(deliveryId, repository: null, issue: null, installation: null, deliveries: null)
            : new Scope(deliveryId, routes[0].Repository, routes[0].IssueNumber, routes[0].InstallationId, deliveries: null));

    public static IDisposable? Batch(ILogger logger, WorkBatch batch)
    {
        var ids = batch.Deliveries.Select(d => d.Id).TakeLast(MaxDeliveryIds);
        var listed = string.Join(",", ids);
        if (batch.Deliveries.Count > MaxDeliveryIds)
        {
            listed = $"{listed},(+{batch.Deliveries.Count - MaxDeliveryIds} earlier)";
        }

        var installation = batch.Deliveries.Select(d => d.InstallationId).LastOrDefault(id => id != 0);
        return logger.BeginScope(new Scope(listed, batch.First.Repository, batch.First.IssueNumber, installation, batch.Deliveries.Count));
    }

    /// <summary>Key/value pairs for structured formatters; a short sentence for the simple one.</summary>
    private sealed class Scope : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _items = [];
        private readonly string _text;

        public Scope(string deliveryId, string? repository, int? issue, long? installation, int? deliveries)
        {
            _items.Add(new("DeliveryId", deliveryId));
            if (repository is not null)
            {
                _items.Add(new("Repository", repository));
            }

            if (issue is not null)
            {
                _items.Add(new("Issue", issue.Value));
            }

            if (installation is > 0)
            {
                _items.Add(new("Installation", installation.Value));
            }

            if (deliveries is not null)
            {
                _items.Add(new("Deliveries", deliveries.Value));
            }

            var where = repository is null ? "" : issue is null ? $" {repository}" : string.Create(CultureInfo.InvariantCulture, $" {repository}#{issue}");
            _text = $"Delivery {deliveryId}{where}";
        }

        public int Count => _items.Count;

        public KeyValuePair<string, object?> this[int index] => _items[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _text;
    }
}
