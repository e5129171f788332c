using System.Text.Json;

namespace TagBot.Webhooks;

/// <summary>
/// Answers what the webhook library would turn into a 500: bad input is the sender's fault (400),
/// events we do not handle are acknowledged and ignored, and an App's ping (which the library
/// cannot deserialize) is answered. Only a real server fault, such as storage down, stays a 5xx.
/// </summary>
public static class WebhookErrors
{
    public static async ValueTask<bool> HandleAsync(Exception exception, HttpContext context)
    {
        var eventName = context.Request.Headers["X-GitHub-Event"].ToString();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TagBot.Webhooks");
        var badInput = exception is JsonException or MalformedDeliveryException or FormatException or OverflowException
            or ArgumentException or InvalidOperationException { InnerException: JsonException } or BadHttpRequestException;

        if (!badInput)
        {
            return false;
        }

        var (status, message) = eventName switch
        {
            "ping" => (StatusCodes.Status200OK, "pong"),
            _ when !DeliveryRouter.HandledEvents.Contains(eventName) => (StatusCodes.Status202Accepted, $"event '{eventName}' is not handled; ignored"),
            _ => (StatusCodes.Status400BadRequest, $"malformed '{eventName}' payload: {exception.Message}"),
        };

        if (status == StatusCodes.Status400BadRequest)
        {
            logger.LogWarning("Rejected delivery {DeliveryId}: {Reason}", context.Request.Headers["X-GitHub-Delivery"].ToString(), message);
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync(message, context.RequestAborted);
        return true;
    }
}
