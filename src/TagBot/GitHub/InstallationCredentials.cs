using Octokit;

namespace TagBot.GitHub;

/// <summary>Hands Octokit a valid installation token on every request, refreshing it when due.</summary>
public sealed class InstallationCredentials(InstallationTokens tokens, long installationId) : ICredentialStore
{
    public async Task<Credentials> GetCredentials() =>
        new(await tokens.GetAsync(installationId), AuthenticationType.Bearer);
}
