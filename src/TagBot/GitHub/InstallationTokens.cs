using System.Collections.Concurrent;
using Octokit;

namespace TagBot.GitHub;

/// <summary>
/// Installation access tokens, minted with the App JWT and reused until five minutes before they
/// expire (GitHub issues them for an hour). One mint at a time per installation.
/// </summary>
public sealed class InstallationTokens(Func<IGitHubClient> appClient, TimeProvider clock)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<long, Slot> _slots = new();

    public async Task<string> GetAsync(long installationId)
    {
        var slot = _slots.GetOrAdd(installationId, _ => new Slot());
        if (slot.Token is { } cached && cached.ExpiresAt - RefreshMargin > clock.GetUtcNow())
        {
            return cached.Token;
        }

        await slot.Gate.WaitAsync();
        try
        {
            if (slot.Token is { } fresh && fresh.ExpiresAt - RefreshMargin > clock.GetUtcNow())
            {
                return fresh.Token;
            }

            var token = await appClient().GitHubApps.CreateInstallationToken(installationId);
            slot.Token = token;
            return token.Token;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public AccessToken? Token { get; set; }
    }
}
