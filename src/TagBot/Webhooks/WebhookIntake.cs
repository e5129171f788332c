using TagBot.Inbox;
using TagBot.Reconcile;

namespace TagBot.Webhooks;

/// <summary>
/// Runs inline, before the 2xx: turns a verified delivery into inbox rows and returns. Nothing
/// here talks to GitHub or decides governance; the worker reconciles the issue later.
/// </summary>
public sealed partial class WebhookIntake(
    IInbox inbox, WorkSignal signal, TimeProvider clock, WebhookMetrics metrics, ILogger<WebhookIntake> logger)
{
    /// <summary>Delivery ids are GUIDs; anything much longer is not from GitHub.</summary>
    public const int MaxDeliveryIdLength = 100;

    /// <exception cref="MalformedDeliveryException">The delivery id is not GitHub's, or the payload lacks what routing needs.</exception>
    /// <exception cref="DeliveryNotStoredException">Storage failed: nothing was acknowledged.</exception>
    public async ValueTask StoreAsync(string? deliveryId, string eventName, WebhookPayload payload, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(deliveryId))
        {
            throw new MalformedDeliveryException("X-GitHub-Delivery header is missing.");
        }

        if (deliveryId.Length > MaxDeliveryIdLength || !deliveryId.All(c => c is > ' ' and <= '~'))
        {
            throw new MalformedDeliveryException(
                $"X-GitHub-Delivery must be printable ASCII of at most {MaxDeliveryIdLength} characters (GitHub sends a GUID).");
        }

        var routes = DeliveryRouter.Route(deliveryId, eventName, payload, clock.GetUtcNow());
        using var scope = Observability.LogScopes.Delivery(logger, deliveryId, routes);
        if (routes.Count == 0)
        {
            if (FromRepositoryWebhook(eventName, payload))
            {
                LogRepositoryWebhook(logger, deliveryId, eventName, WebhookEndpoint.Printable(payload.Repository ?? "?"));
            }

            metrics.Delivery(eventName, DeliveryRouter.ActionOf(payload), "ignored");
            return;
        }

        var added = 0;
        try
        {
            foreach (var delivery in routes)
            {
                if (await inbox.TryAddAsync(delivery, cancellationToken))
                {
                    added++;
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryNotStoredException(e);
        }

        if (added > 0)
        {
            signal.Notify();
        }

        var outcome = added == 0 ? "duplicate" : "stored";
        metrics.Delivery(eventName, routes[0].Action, outcome);
        LogStored(logger, deliveryId, eventName, routes[0].Action, routes[0].Repository, routes[0].IssueNumber, outcome);
    }

    /// <summary>
    /// GitHub names the installation in every delivery to an App; one without it comes from a
    /// webhook set up on the repository or organization, which TagBot cannot answer with any token.
    /// (Installation events declare their own <c>installation</c> and are only ever sent to the App.)
    /// </summary>
    private static bool FromRepositoryWebhook(string eventName, WebhookPayload payload) =>
        eventName is not ("installation" or "installation_repositories") && payload.InstallationId <= 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Event} for {Repository}) names no installation: it comes from a repository "
        + "or organization webhook, not from the TagBot GitHub App, and is ignored. Install the App on the repository and delete that webhook")]
    private static partial void LogRepositoryWebhook(ILogger logger, string deliveryId, string @event, string repository);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} {Event}.{Action} for {Repository}#{Issue}: {Outcome}")]
    private static partial void LogStored(ILogger logger, string deliveryId, string @event, string? action, string repository, int? issue, string outcome);
}
