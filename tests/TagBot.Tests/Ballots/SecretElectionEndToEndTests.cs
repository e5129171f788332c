using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using TagBot.Cli;
using TagBot.Core.Elections.Ballots;
using TagBot.Core.Status;
using TagBot.Inbox.Sql;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace TagBot.Tests.Ballots;

/// <summary>
/// Issue 11's whole story through the real bot and a real browser: comments nominate and endorse, a chair opens the
/// vote, five voters sign in with GitHub and cast ranked ballots (one revises), an outsider is refused, the chair
/// closes, the Schulze order fills the seats within the region caps, the roster pull request publishes the ballots,
/// <c>audit</c> recounts them to the posted result, and nothing in the database or the logs ties a login to a ballot.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecretElectionEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string Repo = GovernanceWorld.Repo;

    private const string Policy = """
        elections:
          ballot: secret
          ballot_type: ranked
        """;

    // Two tech-lead seats per region (the default policy); nobody holds one, so APAC has two seats up and EMEA two.
    private const string Roster = """
        people:
          - { github: chair-carla, company: Acme, region: EMEA }
          - { github: apac-ann, company: Initech, region: APAC }
          - { github: apac-bo, company: Globex, region: APAC }
          - { github: apac-cy, company: Hooli, region: APAC }
          - { github: emea-eva, company: Umbrella, region: EMEA }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2030-01-01 } }
          member:
            - { github: apac-ann }
            - { github: apac-bo }
            - { github: apac-cy }
            - { github: emea-eva }
            - { github: voter-1 }
            - { github: voter-2 }
            - { github: voter-3 }
            - { github: voter-4 }
            - { github: voter-5 }
        emeritus: []

        """;

    private static readonly string[] Voters = ["voter-1", "voter-2", "voter-3", "voter-4", "voter-5"];

    private readonly LogCapture _logs = new();
    private GovernanceWorld _world = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private int _port;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync()
    {
        _port = FreePort();
        _world = await GovernanceWorld.StartAsync(Policy, Roster, configure: world =>
        {
            world.WebPort = _port;
            world.ExtraSettings["GitHub:WebBaseUrl"] = world.GitHub.BaseUrl.ToString();
            world.ExtraSettings["GitHub:ClientId"] = FakeGitHubServer.OAuthClientId;
            world.ExtraSettings["GitHub:ClientSecret"] = FakeGitHubServer.OAuthClientSecret;
            world.ExtraSettings["TagBot:PublicUrl"] = $"http://127.0.0.1:{_port}/";
            world.ExtraServices = services => services.AddSingleton<ILoggerProvider>(_logs);
        });
        foreach (var login in (string[])["chair-carla", "apac-ann", "apac-bo", "apac-cy", "emea-eva", "outsider-olga", .. Voters])
        {
            GitHub.AddUser(login);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await BallotSite.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Five_voters_cast_ranked_ballots_one_revises_an_outsider_is_refused_and_the_Schulze_close_is_recounted_by_audit()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        foreach (var nominee in new[] { "apac-ann", "apac-bo", "apac-cy", "emea-eva" })
        {
            await _world.CommentAsync(issue, nominee, nominee == "apac-ann" ? "/nominate\nI keep the assessments moving." : "/nominate");
        }

        await _world.CommentAsync(issue, "chair-carla", "/support @apac-ann @apac-bo @apac-cy @emea-eva");
        await _world.CommentAsync(issue, "chair-carla", "/open-voting");
        await _world.IdleAsync();
        var status = Status(issue);
        var pageUrl = $"http://127.0.0.1:{_port}/elections/{Repo}/{issue}";
        Assert.True(status.Contains(pageUrl, StringComparison.Ordinal), status);

        // A comment is no vote any more: the reply points at the ballot page.
        await _world.CommentAsync(issue, "voter-1", "/support @emea-eva");
        await _world.IdleAsync();
        Assert.Contains(GitHub.Comments(Repo, issue), c => c.Body.Contains("votes by secret ballot", StringComparison.Ordinal) && c.Body.Contains("@voter-1", StringComparison.Ordinal));

        // The Schulze order these make: apac-ann > apac-bo > apac-cy > emea-eva.
        string[][] ballots =
        [
            ["apac-ann", "apac-bo", "apac-cy", "emea-eva"],
            ["apac-ann", "apac-cy", "apac-bo", "emea-eva"],
            ["apac-bo", "apac-ann", "apac-cy", "emea-eva"],
            ["apac-ann", "apac-bo", "emea-eva", "apac-cy"],
            ["emea-eva", "apac-cy", "apac-bo", "apac-ann"],
        ];
        var receipts = new Dictionary<string, string>();
        for (var i = 0; i < Voters.Length; i++)
        {
            receipts[Voters[i]] = await CastAsync(pageUrl, Voters[i], ballots[i]);
        }

        // voter-5 changes their mind: the last ballot counts, under a new receipt.
        receipts["voter-5"] = await CastAsync(pageUrl, "voter-5", ["apac-bo", "apac-ann", "emea-eva", "apac-cy"], revising: true);

        var outsider = await SignedInAsync(pageUrl, "outsider-olga");
        await Expect(outsider.GetByText("the chairs: @chair-carla", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(0, await outsider.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).CountAsync());

        await _world.CommentAsync(issue, "chair-carla", "/tagbot status");
        await _world.IdleAsync();
        status = Status(issue);
        Assert.True(status.Contains("5 of 10 voters took part", StringComparison.Ordinal), status);
        Assert.DoesNotContain("Count of the secret ballots", status, StringComparison.Ordinal);

        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();
        await _world.SweepAsync(); // the pass after the one that opened the roster pull request

        var resultComment = Assert.Single(GitHub.Comments(Repo, issue), c => Markers.IsElectionResult(c.Body));
        var result = resultComment.Body;
        Assert.Contains("Count of the secret ballots", result, StringComparison.Ordinal);
        Assert.Contains("Strongest paths", result, StringComparison.OrdinalIgnoreCase);
        // APAC's cap of two seats leaves apac-cy out although ranked above emea-eva, who takes an EMEA seat.
        var elected = result[result.IndexOf("**Elected:**", StringComparison.Ordinal)..result.IndexOf("**Not elected:**", StringComparison.Ordinal)];
        Assert.Equal(["apac-ann", "apac-bo", "emea-eva"], new[] { "apac-ann", "apac-bo", "apac-cy", "emea-eva" }.Where(n => elected.Contains("@" + n, StringComparison.Ordinal)));
        foreach (var receipt in receipts.Values)
        {
            Assert.Contains(receipt, result, StringComparison.Ordinal);
        }

        var pull = Assert.Single(GitHub.PullRequests(Repo));
        var csv = GitHub.GetFile(Repo, $"elections/ballots/{issue}/ballots.csv", pull.HeadRef)!.Text;
        var published = BallotSheet.Read(csv).Value!;
        Assert.Equal(receipts.Values.Order(StringComparer.Ordinal), published.Ballots.Select(b => b.Receipt).Order(StringComparer.Ordinal));
        Assert.Contains("apac-ann", GitHub.GetFile(Repo, $"elections/ballots/{issue}/ballots.blt", pull.HeadRef)!.Text, StringComparison.Ordinal);

        // The page refuses after the close and links the result.
        var late = await NewPageAsync();
        await late.GotoAsync(pageUrl);
        await Expect(late.GetByText("closed", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(late.GetByRole(AriaRole.Link, new() { Name = "the result and the published ballots" }))
            .ToHaveAttributeAsync("href", $"https://github.com/{Repo}/issues/{issue}#issuecomment-{resultComment.Id}");

        // audit recounts the published ballots to the posted result.
        var output = new StringWriter();
        var exit = await AuditCommand.RunAsync(Repo, issue.ToString(CultureInfo.InvariantCulture), await TokenAsync(), GitHub.BaseUrl.ToString(), [], output, new StringWriter(), CancellationToken.None);
        Assert.True(exit == AuditCommand.Consistent, output.ToString());
        Assert.Contains("Recounted the 5 published ballots", output.ToString(), StringComparison.Ordinal);

        await NothingLinksALoginToABallotAsync(receipts);
    }

    /// <summary>Every row of the store and every log line: none holds both a voter's identity and a receipt or a ballot.</summary>
    private async Task NothingLinksALoginToABallotAsync(Dictionary<string, string> receipts)
    {
        var identities = Voters.SelectMany(v => new[] { v, GitHub.AddUser(v).Id.ToString(CultureInfo.InvariantCulture) }).ToList();
        var database = _world.Services.GetRequiredService<IStoreDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var rows = await StoreRows.ReadAllAsync(connection, StoreRows.SqliteTables);
        foreach (var row in rows)
        {
            var who = identities.Any(id => row.Contains(id, StringComparison.Ordinal));
            var what = receipts.Values.Any(r => row.Contains(r, StringComparison.Ordinal));
            Assert.False(who && what, $"A row links a voter to a ballot: {row}");
        }

        Assert.Contains(rows, r => r.Contains("voter-1", StringComparison.Ordinal)); // turnout is kept: the dump did read it
        foreach (var line in _logs.Lines)
        {
            Assert.False(receipts.Values.Any(r => line.Contains(r, StringComparison.Ordinal)), "A log line names a receipt: " + line);
        }
    }

    private async Task<string> CastAsync(string pageUrl, string voter, string[] order, bool revising = false)
    {
        var page = await SignedInAsync(pageUrl, voter);
        for (var rank = 0; rank < order.Length; rank++)
        {
            await page.GetByLabel("@" + order[rank]).SelectOptionAsync((rank + 1).ToString(CultureInfo.InvariantCulture));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = revising ? "Replace my ballot" : "Cast my ballot" }).ClickAsync();
        await Expect(page.Locator("#receipt")).ToBeVisibleAsync();
        var receipt = (await page.Locator("#receipt").TextContentAsync())!.Trim();
        await page.Context.CloseAsync();
        return receipt;
    }

    private async Task<IPage> SignedInAsync(string pageUrl, string login)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(pageUrl);
        await BallotSite.SignInAsync(page, GitHub, login);
        return page;
    }

    private async Task<IPage> NewPageAsync()
    {
        SetDefaultExpectTimeout(15_000);
        var context = await _browser.NewContextAsync();
        return await context.NewPageAsync();
    }

    private string Status(int issue) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).Body;

    private async Task<string> TokenAsync() =>
        (await FakeGitHubClients.AppClient(GitHub).GitHubApps.CreateInstallationToken(GovernanceWorld.Installation)).Token;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
