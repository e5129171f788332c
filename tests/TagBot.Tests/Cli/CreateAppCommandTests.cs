using System.Net;
using System.Text.Json.Nodes;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Cli;

/// <summary>
/// <c>TagBot create-app</c> as the real executable: the page posts the repository's manifest to
/// GitHub, and GitHub's redirect code is exchanged (here with the fake) for the App's credentials.
/// </summary>
public sealed class CreateAppCommandTests : IAsyncLifetime, IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("tagbot-create-app-");
    private FakeGitHubServer _github = null!;

    public async Task InitializeAsync() => _github = await FakeGitHubServer.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose() => _out.Delete(recursive: true);

    [Fact]
    public async Task The_manifest_flow_ends_with_a_key_and_settings_ready_for_serve()
    {
        var port = Webhooks.StartupTests.FreePort();
        var manifest = Observability.RepositoryFiles.PathOf("app-manifest.yml");
        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "create-app", "--url", "https://tagbot.example.org/", "--org", "cncf",
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--manifest", manifest, "--out", _out.FullName,
            "--api-url", _github.BaseUrl.ToString());
        using var browser = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var page = await RetryAsync(() => browser.GetStringAsync(new Uri("/", UriKind.Relative)));
        var json = WebUtility.HtmlDecode(page.Split("name=\"manifest\" value=\"")[1].Split('"')[0]);
        var posted = JsonNode.Parse(json)!.AsObject();
        Assert.Contains("action=\"https://github.com/organizations/cncf/settings/apps/new\"", page, StringComparison.Ordinal);
        Assert.Equal("https://tagbot.example.org/api/github/webhooks", (string?)posted["hook_attributes"]!["url"]);
        Assert.Equal($"http://127.0.0.1:{port}/created", (string?)posted["redirect_url"]);
        Assert.Equal(["issues", "issue_comment", "pull_request"], posted["default_events"]!.AsArray().Select(e => (string?)e));
        Assert.Equal("write", (string?)posted["default_permissions"]!["issues"]);
        Assert.False((bool)posted["public"]!);

        var done = await browser.GetStringAsync(new Uri($"/created?code={_github.IssueManifestCode()}", UriKind.Relative));

        Assert.Contains("installations/new", done, StringComparison.Ordinal);
        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        var settings = File.ReadAllText(Path.Combine(_out.FullName, "tagbot.env"));
        Assert.Contains($"GitHub__AppId={_github.AppId}", settings, StringComparison.Ordinal);
        Assert.Contains($"GitHub__WebhookSecret={FakeGitHubServer.ManifestWebhookSecret}", settings, StringComparison.Ordinal);
        var key = Directory.GetFiles(_out.FullName, "*.private-key.pem").Single();
        Assert.Equal(_github.PrivateKeyPem, File.ReadAllText(key));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
        Assert.DoesNotContain(FakeGitHubServer.ManifestWebhookSecret, tagbot.Output, StringComparison.Ordinal);
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> action)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await action();
            }
            catch (HttpRequestException) when (i < 100)
            {
                await Task.Delay(100);
            }
        }
    }
}
