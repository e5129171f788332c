using System.Buffers;
using Microsoft.Net.Http.Headers;

namespace TagBot.Webhooks;

/// <summary>
/// <c>POST /api/github/webhooks</c>: bounded read, signature check, then the few fields routing
/// needs (<see cref="WebhookPayload"/>) handed to <see cref="WebhookIntake"/>.
/// </summary>
/// <remarks>
/// This replaces Octokit.Webhooks.AspNetCore's <c>MapGitHubWebhooks</c> and its processor. The
/// library checks one secret (fixed at mapping time or read from options, never chosen per request)
/// and accepts unsigned requests when no secret is configured; rotating the secret needs two valid
/// at once, so TagBot checks signatures itself against both (<see cref="WebhookSignatures"/>). And
/// its processor builds the typed model of the whole payload, the largest cost of intake, where
/// routing reads seven fields. One code path also answers every failure the same way: bad input
/// 400 (or 2xx for events TagBot ignores), an oversized body 413, storage down 503.
/// </remarks>
public static partial class WebhookEndpoint
{
    private const int InitialBufferBytes = 16 * 1024;

    public static IEndpointConventionBuilder MapGitHubDeliveries(this IEndpointRouteBuilder endpoints, string path, long maxBodyBytes)
    {
        // Resolved once, at the first delivery: every service on this path is a singleton, and resolving
        // them at mapping time would validate settings before startup reports a bad one in its own words.
        var provider = endpoints.ServiceProvider;
        var services = new Lazy<Services>(() => new Services(
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("TagBot.Webhooks"),
            provider.GetRequiredService<WebhookSignatures>(),
            provider.GetRequiredService<WebhookIntake>()));
        return endpoints.MapPost(path, context => HandleAsync(context, services.Value, maxBodyBytes));
    }

    private static async Task HandleAsync(HttpContext context, Services services, long maxBodyBytes)
    {
        var request = context.Request;
        var logger = services.Logger;
        var deliveryId = Printable(request.Headers["X-GitHub-Delivery"].ToString());
        var eventHeader = request.Headers["X-GitHub-Event"];
        if (eventHeader.Count != 1 || string.IsNullOrWhiteSpace(eventHeader[0]))
        {
            await RejectAsync(context, logger, deliveryId, StatusCodes.Status400BadRequest, "X-GitHub-Event must be given once.");
            return;
        }

        if (!IsJson(request.ContentType))
        {
            await RejectAsync(context, logger, deliveryId, StatusCodes.Status400BadRequest, "Content-Type must be application/json.");
            return;
        }

        byte[]? buffer = null;
        var length = 0;
        try
        {
            try
            {
                (buffer, length) = await ReadBodyAsync(request, maxBodyBytes, context.RequestAborted);
            }
            catch (BadHttpRequestException e)
            {
                // The server's own body limit (chunked bodies), or a broken chunked encoding.
                await RejectAsync(context, logger, deliveryId, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest,
                    e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(maxBodyBytes) : "The request body could not be read.");
                return;
            }
            catch (Exception e) when (e is IOException || (e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
            {
                LogAborted(logger, deliveryId); // the sender went away mid-body: nobody to answer
                return;
            }

            if (length > maxBodyBytes)
            {
                await RejectAsync(context, logger, deliveryId, StatusCodes.Status413PayloadTooLarge, TooLarge(maxBodyBytes));
                return;
            }

            var body = buffer.AsMemory(0, length);
            var signedWith = services.Signatures.Verify(request.Headers["X-Hub-Signature-256"], body.Span);
            if (signedWith == SignedWith.Nothing)
            {
                await RejectAsync(context, logger, deliveryId, StatusCodes.Status400BadRequest,
                    "X-Hub-Signature-256 is missing or does not match the webhook secret.");
                return;
            }

            if (signedWith == SignedWith.Previous)
            {
                LogPreviousSecret(logger, deliveryId);
            }

            var eventName = eventHeader[0]!;
            if (WebhookErrors.Unrouted(eventName) is { } unrouted)
            {
                await AnswerAsync(context, unrouted);
                return;
            }

            try
            {
                var payload = WebhookPayload.Read(body.Span);
                if (payload.Action is not { } action)
                {
                    throw new MalformedDeliveryException("'action' is missing.");
                }

                if (LibraryActions.IsUnknown(eventName, action))
                {
                    await AnswerAsync(context, WebhookErrors.UnknownAction(eventName, action));
                    return;
                }

                await services.Intake.StoreAsync(request.Headers["X-GitHub-Delivery"].ToString(), eventName, payload, context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status200OK;
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                LogAborted(logger, deliveryId);
            }
            catch (DeliveryNotStoredException e)
            {
                LogNotStored(logger, e.InnerException ?? e, deliveryId);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("The delivery could not be stored; redeliver it later.", context.RequestAborted);
            }
            catch (MalformedDeliveryException e)
            {
                await AnswerAsync(context, WebhookErrors.Malformed(logger, deliveryId, eventName, e, body.Span));
            }
        }
        finally
        {
            if (buffer is not null)
            {
                buffer.AsSpan(0, Math.Min(length, buffer.Length)).Clear();
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Reads the whole body into a pooled buffer, growing it as bytes arrive but never past
    /// <paramref name="maxBytes"/> + 1: a longer body stops the read and comes back with a length
    /// over the limit. (Kestrel's own limit usually stops it first, with a 413 exception.)
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var cap = (int)Math.Min(maxBytes + 1, Array.MaxLength);
        var size = request.ContentLength is > 0 and var declared ? (int)Math.Min(declared + 1, cap) : Math.Min(InitialBufferBytes, cap);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == Math.Min(buffer.Length, cap))
                {
                    if (length >= cap)
                    {
                        return (buffer, length);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * length, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    buffer.AsSpan(0, length).Clear();
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static async Task AnswerAsync(HttpContext context, WebhookAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        await context.Response.WriteAsync(answer.Message, context.RequestAborted);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static string TooLarge(long maxBytes) => $"The body is larger than GitHub's webhook limit of {maxBytes / (1024 * 1024)} MB.";

    private static async Task RejectAsync(HttpContext context, ILogger logger, string deliveryId, int status, string reason)
    {
        LogRejected(logger, deliveryId, status, reason);
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(reason, context.RequestAborted);
    }

    /// <summary>Header text as it may appear in a log line: printable ASCII, at most 100 characters.</summary>
    internal static string Printable(string value)
    {
        var clean = string.Concat(value.Take(100).Select(c => c is >= ' ' and <= '~' ? c : '?'));
        return value.Length > 100 ? clean + "…" : clean;
    }

    private sealed record Services(ILogger Logger, WebhookSignatures Signatures, WebhookIntake Intake);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected delivery {DeliveryId} with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string deliveryId, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivery {DeliveryId} is signed with GitHub__WebhookSecretPrevious; remove that setting once GitHub signs with the new secret")]
    private static partial void LogPreviousSecret(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: the sender closed the request before it was answered")]
    private static partial void LogAborted(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} could not be stored; answered 503")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string deliveryId);
}
