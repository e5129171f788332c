using System.Collections.Concurrent;
using Octokit;

namespace TagBot.GitHub;

/// <summary>
/// GitHub's rate limits are per installation: once one request learns the limit is exhausted
/// until T, no work of that installation is attempted before T — every issue waits, not only the
/// one that hit the limit, so TagBot does not hammer a limit it already knows about.
/// </summary>
public sealed class InstallationRateLimits(TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _blockedUntil = new();

    public void Exhausted(long installationId, DateTimeOffset until) =>
        _blockedUntil.AddOrUpdate(installationId, until, (_, current) => until > current ? until : current);

    public DateTimeOffset? BlockedUntil(long installationId) =>
        _blockedUntil.TryGetValue(installationId, out var until) && until > clock.GetUtcNow() ? until : null;

    /// <summary>
    /// Runs work of one installation: refused at once while the installation is known to be
    /// exhausted, and a rate-limit answer met on the way blocks all of its work until the reset.
    /// </summary>
    public async Task RunAsync(long installationId, Func<Task> work)
    {
        if (BlockedUntil(installationId) is { } blocked)
        {
            throw new InstallationRateLimitedException(installationId, blocked);
        }

        try
        {
            await work();
        }
        catch (Exception e) when (e is not InstallationRateLimitedException && ResumeAt(e, clock.GetUtcNow()) is { } until)
        {
            Exhausted(installationId, until);
            throw;
        }
    }

    /// <summary>When work may resume after <paramref name="error"/>, if it is a rate-limit answer; otherwise null.</summary>
    public static DateTimeOffset? ResumeAt(Exception error, DateTimeOffset now) => error switch
    {
        InstallationRateLimitedException limited => limited.Until,
        RateLimitExceededException limit => limit.Reset > now ? limit.Reset.AddSeconds(1) : now.AddMinutes(1),
        SecondaryRateLimitExceededException secondary => now + (RetryAfter(secondary) ?? TimeSpan.FromMinutes(1)),
        ApiException { StatusCode: (System.Net.HttpStatusCode)429 } tooMany => now + (RetryAfter(tooMany) ?? TimeSpan.FromMinutes(1)),
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="error"/> is a GitHub call that failed for another reason than a rate
    /// limit: work that is safe to leave to the next sweep may log it and go on.
    /// </summary>
    public static bool IsFailedCall(Exception error) =>
        error is HttpRequestException || (error is ApiException && ResumeAt(error, DateTimeOffset.MinValue) is null);

    /// <summary>Retry-After of a rate-limit answer, when GitHub gave one.</summary>
    private static TimeSpan? RetryAfter(ApiException error) =>
        error.HttpResponse?.Headers is { } headers && headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}

/// <summary>The installation is known to be rate-limited: retry its work at <see cref="Until"/>.</summary>
public sealed class InstallationRateLimitedException(long installationId, DateTimeOffset until)
    : Exception($"Installation {installationId} is rate-limited until {until:O}.")
{
    public DateTimeOffset Until { get; } = until;
}
