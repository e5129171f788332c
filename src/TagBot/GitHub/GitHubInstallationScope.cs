namespace TagBot.GitHub;

/// <summary>
/// Which installation the current work is for, flowing with the async context down to the HTTP
/// pipeline, so that <see cref="GitHubRequestMetricsHandler"/> can report rate limits per
/// installation (GitHub counts them per installation) without Octokit knowing.
/// </summary>
public static class GitHubInstallationScope
{
    private static readonly AsyncLocal<long?> CurrentInstallation = new();

    public static long? Current => CurrentInstallation.Value;

    /// <summary>Marks the work until the returned handle is disposed as done for <paramref name="installationId"/>.</summary>
    public static IDisposable Enter(long installationId)
    {
        var previous = CurrentInstallation.Value;
        CurrentInstallation.Value = installationId > 0 ? installationId : null;
        return new Restore(previous);
    }

    private sealed class Restore(long? previous) : IDisposable
    {
        public void Dispose() => CurrentInstallation.Value = previous;
    }
}
