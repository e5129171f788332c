namespace TagBot.GitHub;

/// <summary>What TagBot asks GitHub as the App itself (JWT): who it is and where it is installed.</summary>
public sealed class AppGateway(GitHubClientFactory clients)
{
    /// <summary>The App's bot login, <c>slug[bot]</c>.</summary>
    public async Task<string> LoginAsync() => (await clients.ForApp().GitHubApps.GetCurrent()).Slug + "[bot]";

    /// <summary>Every installation with the repositories it was given.</summary>
    public async Task<IReadOnlyList<Installation>> InstallationsAsync()
    {
        var installations = new List<Installation>();
        foreach (var installation in await clients.ForApp().GitHubApps.GetAllInstallationsForCurrent())
        {
            var repositories = await clients.ForInstallation(installation.Id).GitHubApps.Installation.GetAllRepositoriesForCurrent();
            installations.Add(new Installation(installation.Id, [.. repositories.Repositories.Select(r => r.FullName)]));
        }

        return installations;
    }
}

/// <summary>One installation of the App and its repositories, <c>owner/name</c>.</summary>
public sealed record Installation(long Id, IReadOnlyList<string> Repositories);
