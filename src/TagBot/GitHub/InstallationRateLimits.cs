using System.Collections.Concurrent;

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
}

/// <summary>The installation is known to be rate-limited: retry its work at <see cref="Until"/>.</summary>
public sealed class InstallationRateLimitedException(long installationId, DateTimeOffset until)
    : Exception($"Installation {installationId} is rate-limited until {until:O}.")
{
    public DateTimeOffset Until { get; } = until;
}
