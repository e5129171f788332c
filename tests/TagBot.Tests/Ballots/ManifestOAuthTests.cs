using System.Text.Json;
using TagBot.Cli;
using TagBot.Tests.Observability;

namespace TagBot.Tests.Ballots;

/// <summary>The App manifest registers the ballot page's OAuth callback, so create-app makes an App voters can sign in with.</summary>
public sealed class ManifestOAuthTests
{
    [Fact]
    public void The_manifest_sent_to_GitHub_names_the_ballot_sign_in_callback_and_asks_no_OAuth_at_install()
    {
        var yaml = File.ReadAllText(RepositoryFiles.PathOf("app-manifest.yml"));
        var setup = new AppSetup(new Uri("https://tagbot.example.org/"), "TagBot", null, 3000, new FileInfo("app-manifest.yml"), new DirectoryInfo("."), new Uri("https://github.com/"), new Uri("https://api.github.com/"));

        using var manifest = JsonDocument.Parse(AppManifest.Json(yaml, setup));

        Assert.Equal(["https://tagbot.example.org/elections/signin-github"], manifest.RootElement.GetProperty("callback_urls").EnumerateArray().Select(u => u.GetString()));
        Assert.False(manifest.RootElement.GetProperty("request_oauth_on_install").GetBoolean());
        Assert.Contains("/elections/signin-github", yaml, StringComparison.Ordinal);
    }
}
