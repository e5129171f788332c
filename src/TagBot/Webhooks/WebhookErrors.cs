namespace TagBot.Webhooks;

/// <summary>
/// Answers a verified delivery that could not be routed. The only server fault on this path,
/// storage failing, arrives as <see cref="DeliveryNotStoredException"/> and is answered elsewhere
/// (503), so whatever fails here failed on the payload: the sender's fault (400), never a 5xx.
/// Events and actions we do not handle are acknowledged and ignored, and an App's ping (which the webhook
/// library cannot deserialize) is answered.
/// </summary>
public static partial class WebhookErrors
{
    public static async Task AnswerAsync(Exception exception, HttpContext context, ReadOnlyMemory<byte> body)
    {
        var eventName = context.Request.Headers["X-GitHub-Event"].ToString();
        var (status, message) = eventName switch
        {
            "ping" => (StatusCodes.Status200OK, "pong"),
            _ when !DeliveryRouter.HandledEvents.Contains(eventName) => (StatusCodes.Status202Accepted, $"event '{WebhookEndpoint.Printable(eventName)}' is not handled; ignored"),
            // GitHub adds actions over time: one this release has no model for is ignored, like an unknown event.
            _ when LibraryActions.IsUnknown(eventName, body.Span, out var action) =>
                (StatusCodes.Status202Accepted, $"action '{WebhookEndpoint.Printable(action)}' of '{eventName}' is not handled; ignored"),
            _ => (StatusCodes.Status400BadRequest, $"malformed '{eventName}' payload: {exception.Message}"),
        };

        if (status == StatusCodes.Status400BadRequest)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TagBot.Webhooks");
            LogMalformed(logger, WebhookEndpoint.Printable(context.Request.Headers["X-GitHub-Delivery"].ToString()), eventName,
                exception.GetType().Name, exception.Message);
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync(message, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected delivery {DeliveryId}: malformed '{Event}' payload ({ExceptionType}: {Reason})")]
    private static partial void LogMalformed(ILogger logger, string deliveryId, string @event, string exceptionType, string reason);
}
