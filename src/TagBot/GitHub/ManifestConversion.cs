using Octokit;
using Octokit.Internal;

namespace TagBot.GitHub;

/// <summary>The manifest flow's last step: GitHub's one-hour code exchanged for the new App's credentials.</summary>
public static class ManifestConversion
{
    /// <summary><c>POST /app-manifests/{code}/conversions</c>, anonymous: the code is the credential.</summary>
    /// <exception cref="ManifestConversionException">GitHub refused the code (used, expired, or from another server).</exception>
    public static async Task<CreatedApp> ConvertAsync(Uri apiUrl, string code)
    {
        var client = GitHubClientFactory.Create(apiUrl, new InMemoryCredentialStore(Credentials.Anonymous), () => new HttpClientHandler());
        try
        {
            var app = await client.GitHubApps.CreateAppFromManifest(code);
            return new CreatedApp(app.Id, app.Name, app.Slug, app.HtmlUrl, app.Pem, app.WebhookSecret, app.ClientId, app.ClientSecret);
        }
        catch (ApiException e)
        {
            throw new ManifestConversionException($"GitHub refused the code ({(int)e.StatusCode}: {e.Message})", e);
        }
    }
}
