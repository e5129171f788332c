namespace TagBot.Webhooks;

/// <summary>A status and its one-line reason, for a delivery TagBot does not store.</summary>
public sealed record WebhookAnswer(int Status, string Message);

/// <summary>
/// Answers for verified deliveries that are not stored. Events and actions TagBot does not handle
/// are acknowledged and ignored (2xx, so GitHub does not count them as failures), an App's ping is
/// answered, and a payload that lacks what routing needs is the sender's fault (400), never a 5xx.
/// </summary>
public static partial class WebhookErrors
{
    /// <summary>The answer for an event that is not routed at all, before its body is read; null for a handled event.</summary>
    public static WebhookAnswer? Unrouted(string eventName) => eventName switch
    {
        "ping" => new(StatusCodes.Status200OK, "pong"),
        _ when !DeliveryRouter.HandledEvents.Contains(eventName) =>
            new(StatusCodes.Status202Accepted, $"event '{WebhookEndpoint.Printable(eventName)}' is not handled; ignored"),
        _ => null,
    };

    /// <summary>GitHub adds actions over time: one this release has no model for is ignored, like an unknown event.</summary>
    public static WebhookAnswer UnknownAction(string eventName, string action) =>
        new(StatusCodes.Status202Accepted, $"action '{WebhookEndpoint.Printable(action)}' of '{eventName}' is not handled; ignored");

    /// <summary>400 and a Warning, unless the payload names an action TagBot does not handle (a new action may bring a new shape).</summary>
    public static WebhookAnswer Malformed(ILogger logger, string deliveryId, string eventName, MalformedDeliveryException exception, ReadOnlySpan<byte> body)
    {
        if (LibraryActions.IsUnknown(eventName, body, out var action))
        {
            return UnknownAction(eventName, action);
        }

        LogMalformed(logger, deliveryId, eventName, exception.Message);
        return new(StatusCodes.Status400BadRequest, $"malformed '{eventName}' payload: {exception.Message}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected delivery {DeliveryId}: malformed '{Event}' payload ({Reason})")]
    private static partial void LogMalformed(ILogger logger, string deliveryId, string @event, string reason);
}
