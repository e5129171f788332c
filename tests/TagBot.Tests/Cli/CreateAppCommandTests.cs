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
    private const string Name = "TagBot for cncf-tag-security";
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("tagbot-create-app-");
    private FakeGitHubServer _github = null!;
    private int _port;

    public async Task InitializeAsync() => _github = await FakeGitHubServer.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose() => _out.Delete(recursive: true);

    private string KeyPath => Path.Combine(_out.FullName, "tagbot.private-key.pem");

    private TagBotProcess Start(params string[] extra)
    {
        _port = Webhooks.StartupTests.FreePort();
        var manifest = Observability.RepositoryFiles.PathOf("app-manifest.yml");
        return TagBotProcess.Start(new Dictionary<string, string?>(), [
            "create-app", "--url", "https://tagbot.example.org/", "--org", "cncf",
            "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--manifest", manifest, "--out", _out.FullName,
            "--api-url", _github.BaseUrl.ToString(), .. extra]);
    }

    private HttpClient Browser() => new() { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };

    /// <summary>The setup page's form: where it posts, with the state it sends, and the manifest.</summary>
    private static async Task<(string Action, string State, JsonObject Manifest)> FormAsync(HttpClient browser)
    {
        var page = await RetryAsync(() => browser.GetStringAsync(new Uri("/", UriKind.Relative)));
        var action = WebUtility.HtmlDecode(page.Split("action=\"")[1].Split('"')[0]);
        var json = WebUtility.HtmlDecode(page.Split("name=\"manifest\" value=\"")[1].Split('"')[0]);
        var state = action.Split("?state=")[1];
        return (action, state, JsonNode.Parse(json)!.AsObject());
    }

    [Fact]
    public async Task The_manifest_flow_ends_with_a_key_and_settings_ready_for_serve()
    {
        using var tagbot = Start("--name", Name);
        using var browser = Browser();

        var (action, state, posted) = await FormAsync(browser);
        Assert.StartsWith("https://github.com/organizations/cncf/settings/apps/new?state=", action, StringComparison.Ordinal);
        Assert.Equal(64, state.Length);
        Assert.Equal(Name, (string?)posted["name"]);
        Assert.Equal("https://tagbot.example.org/api/github/webhooks", (string?)posted["hook_attributes"]!["url"]);
        Assert.Equal($"http://127.0.0.1:{_port}/created", (string?)posted["redirect_url"]);
        Assert.Equal(["issues", "issue_comment", "pull_request"], posted["default_events"]!.AsArray().Select(e => (string?)e));
        Assert.Equal("write", (string?)posted["default_permissions"]!["issues"]);
        Assert.False((bool)posted["public"]!);

        var done = await browser.GetStringAsync(new Uri($"/created?code={_github.IssueManifestCode()}&state={state}", UriKind.Relative));

        Assert.Contains("installations/new", done, StringComparison.Ordinal);
        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        var settings = File.ReadAllText(Path.Combine(_out.FullName, "tagbot.env"));
        Assert.Contains($"GitHub__AppId={_github.AppId}", settings, StringComparison.Ordinal);
        Assert.Contains($"GitHub__PrivateKeyPath={KeyPath}", settings, StringComparison.Ordinal);
        Assert.Contains($"GitHub__WebhookSecret={FakeGitHubServer.ManifestWebhookSecret}", settings, StringComparison.Ordinal);
        Assert.Equal(_github.PrivateKeyPem, File.ReadAllText(KeyPath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_out.FullName, "tagbot.env")));
        }

        Assert.DoesNotContain(FakeGitHubServer.ManifestWebhookSecret, tagbot.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task A_callback_without_this_runs_state_is_refused_and_the_run_keeps_waiting(string? forged)
    {
        using var tagbot = Start("--name", Name);
        using var browser = Browser();
        var (_, state, _) = await FormAsync(browser);
        var code = _github.IssueManifestCode();

        using var refused = await browser.GetAsync(new Uri($"/created?code={code}" + (forged is null ? "" : $"&state={forged}"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("does not carry the state", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(KeyPath));
        Assert.Null(await tagbot.WaitForExitAsync(TimeSpan.FromMilliseconds(500))); // still waiting for the real answer
        // The code was not spent on the forged callback: the genuine one still works.
        using var genuine = await browser.GetAsync(new Uri($"/created?code={code}&state={state}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(_github.PrivateKeyPem, File.ReadAllText(KeyPath));
    }

    [Theory]
    [InlineData("tagbot.private-key.pem")]
    [InlineData("tagbot.env")]
    public async Task An_existing_key_or_settings_file_is_never_overwritten(string existing)
    {
        var path = Path.Combine(_out.FullName, existing);
        await File.WriteAllTextAsync(path, "another App's only copy");

        using var tagbot = Start("--name", Name);

        Assert.Equal(2, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains($"{path} already exists; create-app never overwrites", tagbot.Error, StringComparison.Ordinal);
        Assert.Equal("another App's only copy", await File.ReadAllTextAsync(path));
        Assert.DoesNotContain("Open http://127.0.0.1", tagbot.Output, StringComparison.Ordinal); // refused before any App is created
    }

    [Fact]
    public async Task The_name_is_required()
    {
        using var tagbot = Start();

        Assert.NotEqual(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("--name", tagbot.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_GitHub_refuses_gets_a_page_saying_so_and_the_run_keeps_waiting()
    {
        using var tagbot = Start("--name", Name);
        using var browser = Browser();
        var (_, state, _) = await FormAsync(browser);

        using var refused = await browser.GetAsync(new Uri($"/created?code=used-already&state={state}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("GitHub refused the code (404", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await tagbot.WaitForExitAsync(TimeSpan.FromMilliseconds(500)));
        Assert.False(File.Exists(KeyPath));
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
