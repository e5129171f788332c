using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace TagBot.GitHub;

/// <summary>
/// The Polly pipeline under every GitHub call. Octokit takes no CancellationToken, so timeouts and
/// retries live here on the HTTP handler, where they can actually stop and repeat a request.
/// </summary>
public static class GitHubResilience
{
    private static readonly HttpMethod[] Idempotent = [HttpMethod.Get, HttpMethod.Head, HttpMethod.Delete, HttpMethod.Patch];

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, TimeSpan maxRateLimitWait, TimeProvider clock)
    {
        builder
            .AddTimeout(TimeSpan.FromMinutes(2))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.GetRequestMessage(), maxRateLimitWait, clock),
                DelayGenerator = args => ValueTask.FromResult(RateLimitWait(args.Outcome.Result, clock)),
            })
            .AddTimeout(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Rate-limited requests were not applied, so any method may be repeated after the wait GitHub
    /// names, if it is short. Server errors and dropped connections are repeated only for methods
    /// where a second application changes nothing: a POST that may have landed is left to the next
    /// reconcile, which reads GitHub first and so never posts twice.
    /// </summary>
    internal static async ValueTask<bool> ShouldRetryAsync(
        Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxRateLimitWait, TimeProvider clock)
    {
        if (outcome.Result is { } response)
        {
            if (await IsRateLimitedAsync(response))
            {
                return RateLimitWait(response, clock) is { } wait && wait <= maxRateLimitWait;
            }

            return (int)response.StatusCode >= 500 && IsIdempotent(request ?? response.RequestMessage);
        }

        return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException && IsIdempotent(request);
    }

    internal static async ValueTask<bool> IsRateLimitedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        if (response.Headers.RetryAfter is not null || Header(response, "X-RateLimit-Remaining") == "0")
        {
            return true;
        }

        // A secondary limit without Retry-After is only recognisable by its message.
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        return body.Contains("rate limit", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How long GitHub asks us to wait: Retry-After, else until X-RateLimit-Reset, else one minute.</summary>
    internal static TimeSpan? RateLimitWait(HttpResponseMessage? response, TimeProvider clock)
    {
        if (response is null || (response.StatusCode != HttpStatusCode.Forbidden && response.StatusCode != HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date - clock.GetUtcNow());
        }

        if (Header(response, "X-RateLimit-Remaining") == "0" && long.TryParse(Header(response, "X-RateLimit-Reset"), out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            return wait < TimeSpan.Zero ? TimeSpan.FromSeconds(1) : wait;
        }

        return TimeSpan.FromMinutes(1);
    }

    private static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && Idempotent.Contains(request.Method);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
