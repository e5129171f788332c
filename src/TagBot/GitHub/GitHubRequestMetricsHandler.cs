using System.Globalization;
using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Observability;

namespace TagBot.GitHub;

/// <summary>
/// Innermost handler of the "github" HTTP client (inside the resilience pipeline, so every retry
/// is one request): counts requests by method and status and keeps the latest
/// <c>X-RateLimit-Remaining</c> per installation. Reads only status and rate-limit headers.
/// </summary>
public sealed class GitHubRequestMetricsHandler(TagBotMetrics metrics, IOptions<GitHubOptions> options) : DelegatingHandler
{
    /// <summary>Label of requests made as the App itself (JWT): their limit is the App's, not an installation's.</summary>
    public const string AppInstallation = "app";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer: a dropped connection, a refused one, or the client's own timeout.
            metrics.GitHubRequest(request.Method.Method, "error");
            throw;
        }

        metrics.GitHubRequest(request.Method.Method, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (Remaining(response) is { } remaining && Installation(request) is { } installation)
        {
            var resource = response.Headers.TryGetValues("X-RateLimit-Resource", out var values) ? values.FirstOrDefault() ?? "core" : "core";
            metrics.RateLimitRemaining(installation, resource, remaining);
        }

        return response;
    }

    private static long? Remaining(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Remaining", out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining)
            ? remaining
            : null;

    /// <summary>
    /// <c>app</c> for App endpoints (<c>/app</c>, <c>/app/installations/…</c>, called with the App's
    /// JWT); otherwise the installation whose work is running; null when neither is known.
    /// </summary>
    private string? Installation(HttpRequestMessage request)
    {
        var root = options.Value.ApiBaseUrl.AbsolutePath.TrimEnd('/');
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (path.StartsWith(root, StringComparison.Ordinal))
        {
            var relative = path[root.Length..];
            if (relative is "/app" || relative.StartsWith("/app/", StringComparison.Ordinal))
            {
                return AppInstallation;
            }
        }

        return GitHubInstallationScope.Current?.ToString(CultureInfo.InvariantCulture);
    }
}
