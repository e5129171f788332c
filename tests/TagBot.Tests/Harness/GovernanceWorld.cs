using Microsoft.Extensions.DependencyInjection;
using TagBot.Inbox;
using TagBot.Reconcile;
using TagBot.Tests.FakeGitHub;

namespace TagBot.Tests.Harness;

/// <summary>
/// One test's world: a fake GitHub holding a governance repository, and TagBot running against it.
/// People act on the fake as they would on GitHub, and the world sends the matching webhook.
/// </summary>
public sealed class GovernanceWorld : IAsyncDisposable
{
    public const string Repo = "cncf/tag-security";
    public const long Installation = 777;
    public const string Secret = "It's a Secret to Everybody";

    public const string DefaultRoster = """
        people:
          - { github: chair-carla, name: Carla Chair, company: Acme, region: EMEA }
          - { github: lead-lee, name: Lee Lead, company: Initech, region: APAC }
          - { github: member-mia, name: Mia Member, company: Globex, region: Americas }
          - { github: member-max, name: Max Member, company: Umbrella, region: EMEA }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
          tech_lead:
            - { github: lead-lee, term: { start: 2025-03-01, end: 2027-03-01 } }
          member:
            - { github: member-mia }
            - { github: Member-Max }
        """;

    private readonly string _directory;
    private TagBotFactory? _app;

    private GovernanceWorld(FakeGitHubServer github, string directory)
    {
        GitHub = github;
        _directory = directory;
    }

    public FakeGitHubServer GitHub { get; }

    public TestClock Clock { get; } = new();

    public string DatabasePath => Path.Combine(_directory, "tagbot.db");

    public WebhookSender Webhooks { get; private set; } = null!;

    public TagBotFactory App => _app ?? throw new InvalidOperationException("TagBot is not running.");

    public IServiceProvider Services => App.Services;

    /// <param name="configure">Called before TagBot starts: extra settings, a web port.</param>
    public static async Task<GovernanceWorld> StartAsync(string? policy = null, string roster = DefaultRoster, int workers = 2, Action<GovernanceWorld>? configure = null)
    {
        var github = await FakeGitHubServer.StartAsync();
        var world = new GovernanceWorld(github, Directory.CreateTempSubdirectory("tagbot-test-").FullName);
        configure?.Invoke(world);
        github.Now = () => world.Clock.GetUtcNow();
        github.AddRepository(Repo, Installation);
        if (policy is not null)
        {
            github.SetFile(Repo, ".github/tagbot.yml", policy);
        }

        github.SetFile(Repo, "governance/roster.yaml", roster);
        world.StartTagBot(workers);
        return world;
    }

    public Dictionary<string, string?> Settings(int workers) => new()
    {
        ["GitHub:AppId"] = GitHub.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GitHub:PrivateKey"] = GitHub.PrivateKeyPem,
        ["GitHub:WebhookSecret"] = Secret,
        ["GitHub:ApiBaseUrl"] = GitHub.BaseUrl.ToString(),
        ["GitHub:MaxInlineRateLimitWait"] = "00:00:02",
        ["Storage:ConnectionString"] = $"Data Source={DatabasePath}",
        ["TagBot:SweepInterval"] = "01:00:00",
        // Tests sweep when they mean to (SweepAsync): a startup sweep would race with their requests.
        ["TagBot:SweepOnStart"] = "false",
        ["TagBot:PollInterval"] = "00:00:00.100",
        ["TagBot:LeaseDuration"] = "00:00:05",
        ["TagBot:RetryBackoff"] = "00:00:00.200",
        ["TagBot:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public void StartTagBot(int workers = 2)
    {
        var settings = Settings(workers);
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        _app = new TagBotFactory(settings, Clock, ExtraServices);
        if (WebPort is { } port)
        {
            // A browser needs a real port: Kestrel on loopback instead of the in-memory test server.
            _app.UseKestrel(port);
            _app.StartServer();
        }

        Webhooks = new WebhookSender(_app.CreateClient(), Secret);
    }

    /// <summary>Settings beyond the world's own, applied at each start (set before <see cref="StartTagBot"/>).</summary>
    public Dictionary<string, string?> ExtraSettings { get; } = [];

    /// <summary>More registrations for TagBot (set before <see cref="StartTagBot"/>), e.g. a log capture.</summary>
    public Action<IServiceCollection>? ExtraServices { get; set; }

    /// <summary>When set, TagBot listens on this loopback port (for a browser) instead of the in-memory test server.</summary>
    public int? WebPort { get; set; }

    /// <summary>Stops TagBot abruptly in the middle of whatever it does (no graceful drain is relied on).</summary>
    public async Task StopTagBotAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public IInbox Inbox => Services.GetRequiredService<IInbox>();

    /// <summary>Waits until every stored delivery has been processed.</summary>
    public async Task IdleAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (await Inbox.PendingCountAsync(CancellationToken.None) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"TagBot still has {await Inbox.PendingCountAsync(CancellationToken.None)} pending deliveries.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Webhook deliveries in the SQLite file (sweep work left out), read straight from storage.</summary>
    public async Task<long> StoredDeliveriesAsync()
    {
        await Inbox.InitializeAsync(CancellationToken.None);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tagbot_deliveries WHERE event <> 'sweep'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task SweepAsync()
    {
        await Services.GetRequiredService<Sweeper>().RunOnceAsync(CancellationToken.None);
        await IdleAsync();
    }

    /// <summary>Opens an issue with labels, as a person would, and delivers <c>issues.opened</c>.</summary>
    public async Task<int> OpenIssueAsync(string author, string title, params string[] labels)
    {
        var number = GitHub.CreateIssue(Repo, author, title, "Please comment.", labels);
        await Deliver("issues", Payloads.Issues("opened", Repo, Installation, number, author, labels));
        return number;
    }

    public async Task<long> CommentAsync(int issue, string author, string body)
    {
        var id = GitHub.AddComment(Repo, issue, author, body);
        await Deliver("issue_comment", Payloads.IssueComment("created", Repo, Installation, issue, Labels(issue), id, author, body));
        return id;
    }

    public async Task EditCommentAsync(int issue, long id, string author, string body)
    {
        GitHub.EditComment(id, body);
        await Deliver("issue_comment", Payloads.IssueComment("edited", Repo, Installation, issue, Labels(issue), id, author, body));
    }

    public async Task DeleteCommentAsync(int issue, long id, string author)
    {
        GitHub.DeleteComment(id);
        await Deliver("issue_comment", Payloads.IssueComment("deleted", Repo, Installation, issue, Labels(issue), id, author, ""));
    }

    public IReadOnlyList<string> Labels(int issue) => GitHub.Issue(Repo, issue).Labels;

    public async Task Deliver(string eventName, string payload, string? deliveryId = null)
    {
        using var response = await Webhooks.PostAsync(eventName, payload, deliveryId);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Webhook {eventName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopTagBotAsync();
        await GitHub.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
