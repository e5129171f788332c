using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using TagBot.Ballots;
using TagBot.Core.Elections.Ballots;
using TagBot.Core.Elections.Voting;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;
using TagBot.Tests.Observability;

namespace TagBot.Tests.Ballots;

/// <summary>
/// The real TagBot on a real loopback port (Kestrel: a browser needs one), its ballot page signing
/// in through the fake GitHub, and one headless Chromium shared by the tests of a class.
/// </summary>
public sealed class BallotSite : IAsyncLifetime
{
    public const string Repo = "cncf/tag-security";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-ballot-site-");
    private readonly List<AppInstance> _apps = [];
    private IPlaywright? _playwright;

    public FakeGitHubServer GitHub { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public LogCapture Logs { get; } = new();

    public AppInstance App => _apps[0];

    public string DatabasePath => Path.Combine(_directory.FullName, "tagbot.db");

    public async Task InitializeAsync()
    {
        GitHub = await FakeGitHubServer.StartAsync();
        GitHub.AddRepository(Repo, 777);
        StartApp();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless (the machine has no browser download; root needs --no-sandbox).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-dev-shm-usage"],
    });

    /// <summary>Signs in on an open ballot page as a person would: the fake GitHub answers for <paramref name="login"/>.</summary>
    public static async Task SignInAsync(IPage page, FakeGitHubServer github, string login)
    {
        github.SignInAs(login);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with GitHub to vote" }).ClickAsync();
        // Three redirects (TagBot → GitHub → TagBot's callback → the page): wait for where they end.
        await Assertions.Expect(page.Locator("footer")).ToContainTextAsync($"Signed in as @{login}", new() { Timeout = 20_000 });
    }

    /// <summary>Another TagBot process on the same database (a replica), or the first one.</summary>
    public AppInstance StartApp(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["GitHub:AppId"] = GitHub.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = GitHub.PrivateKeyPem,
            ["GitHub:WebhookSecret"] = GovernanceWorld.Secret,
            ["GitHub:ApiBaseUrl"] = GitHub.BaseUrl.ToString(),
            ["GitHub:WebBaseUrl"] = GitHub.BaseUrl.ToString(),
            ["GitHub:ClientId"] = FakeGitHubServer.OAuthClientId,
            ["GitHub:ClientSecret"] = FakeGitHubServer.OAuthClientSecret,
            ["TagBot:PublicUrl"] = $"http://127.0.0.1:{port}/",
            ["TagBot:Workers"] = "0",
            ["TagBot:SweepOnStart"] = "false",
            ["Storage:ConnectionString"] = $"Data Source={DatabasePath}",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new AppInstance(port, settings, this);
        app.Factory.UseKestrel(port);
        app.Factory.StartServer();
        _apps.Add(app);
        return app;
    }

    public IBallotBox Box => App.Factory.Services.GetRequiredService<IBallotBox>();

    /// <summary>
    /// An election on issue <paramref name="issue"/> of <see cref="Repo"/>, open by default, for the voters named: stored
    /// as a reconcile stores it (<see cref="SqlBallotElections"/>), and read back as the page reads it.
    /// </summary>
    public async Task<BallotElection> ElectionAsync(
        int issue, BallotKind kind, IEnumerable<string> electorate, BallotElectionState state = BallotElectionState.Open, bool allowNoOpinion = true)
    {
        var key = new ElectionKey(Repo, issue);
        var view = new BallotPageView(
            "Tech leads, spring 2027",
            $"https://github.com/{Repo}/issues/{issue}",
            state switch
            {
                BallotElectionState.NotYetOpen => BallotPhase.Nominating,
                BallotElectionState.Open => BallotPhase.Voting,
                _ => BallotPhase.Closed,
            },
            kind,
            allowNoOpinion,
            [
                new BallotCandidateView("amara-okafor", "EMEA", "Acme", "I have reviewed security assessments for three years and want to make them faster to start."),
                new BallotCandidateView("kenji-sato", "APAC", "Initech", "Time zones: I will run the APAC-friendly meeting and keep its notes public."),
                new BallotCandidateView("lucia-mendez", "Americas", null, "Threat modelling for every graduated project, written with its maintainers."),
            ],
            new DateTimeOffset(2027, 3, 15, 17, 0, 0, TimeSpan.Zero),
            [.. electorate.Select(login => GitHub.AddUser(login).Id)],
            "the chairs: @chair-carla, @chair-chen")
        {
            ResultUrl = state == BallotElectionState.Closed ? $"https://github.com/{Repo}/issues/{issue}#issuecomment-1" : null,
        };
        var elections = App.Factory.Services.GetRequiredService<SqlBallotElections>();
        await elections.SaveAsync(key, view, CancellationToken.None);
        return (await elections.FindAsync(key, CancellationToken.None))!;
    }

    public string PageUrl(AppInstance app, int issue) => $"http://127.0.0.1:{app.Port}/elections/{Repo}/{issue}";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var app in _apps)
        {
            await app.Factory.DisposeAsync();
        }

        await GitHub.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    /// <summary>
    /// Where page screenshots go: <c>docs/ballots/</c> with <c>TAGBOT_UPDATE_DOCS=1</c>, else the test output folder.
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("TAGBOT_UPDATE_DOCS") == "1"
            ? RepositoryFiles.PathOf("docs/ballots")
            : Path.Combine(AppContext.BaseDirectory, "ballot-screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed class AppInstance(int port, IReadOnlyDictionary<string, string?> settings, BallotSite site)
    {
        public int Port { get; } = port;

        public AppFactory Factory { get; } = new(settings, site);
    }

    public sealed class AppFactory(IReadOnlyDictionary<string, string?> settings, BallotSite site) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ILoggerProvider>(site.Logs);
            });
        }
    }
}
