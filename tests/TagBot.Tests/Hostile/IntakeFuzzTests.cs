using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Hostile;

/// <summary>
/// Hostile input at the webhook endpoint, signed with the real secret so it gets past the signature
/// check and reaches the parser and the router: never a 5xx, never stored unless routable, and the
/// app keeps working. The barrage is drawn from a fixed seed; set <c>TAGBOT_FUZZ_SEED</c> to explore
/// others (a failure message names its seed and case).
/// </summary>
public sealed partial class IntakeFuzzTests : IAsyncLifetime
{
    private const int RandomCases = 400;
    private static readonly HashSet<HttpStatusCode> Allowed = [HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge];

    private GovernanceWorld _world = null!;

    private static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("TAGBOT_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 1342;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync(workers: 0);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex RepositoryFullName();

    [Fact]
    public async Task Signed_hostile_deliveries_never_get_a_5xx_and_a_real_delivery_is_stored_after_them()
    {
        var unexpected = new List<string>();
        var answered = new Dictionary<HttpStatusCode, int>();
        var number = 0;
        foreach (var delivery in HostileDeliveries.Barrage(Seed, RandomCases))
        {
            using var response = await _world.Webhooks.PostRawAsync(delivery.Event, delivery.Body, $"hostile-{number++}");
            answered[response.StatusCode] = answered.GetValueOrDefault(response.StatusCode) + 1;
            if (!Allowed.Contains(response.StatusCode))
            {
                unexpected.Add($"{(int)response.StatusCode} for {delivery}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(unexpected.Count == 0, $"seed {Seed}, {unexpected.Count} unexpected answers:\n{string.Join("\n", unexpected.Take(20))}");
        Assert.True(answered.GetValueOrDefault(HttpStatusCode.BadRequest) > 0 && answered.GetValueOrDefault(HttpStatusCode.OK) > 0,
            $"the barrage should hit both the parser's refusals and storage: {string.Join(", ", answered)}");

        await _world.StoredDeliveriesAsync();
        foreach (var stored in await StoredDelivery.ReadAsync(_world.DatabasePath))
        {
            Assert.Matches(RepositoryFullName(), stored.Repository);
            Assert.True(stored.Installation > 0, $"{stored}");
            Assert.True(stored.Issue is null or > 0, $"{stored}");
            Assert.True(stored.Action is null || stored.Action.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'), $"{stored}");
        }

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task The_same_barrage_unsigned_is_refused_whole_and_nothing_is_stored()
    {
        var number = 0;
        foreach (var delivery in HostileDeliveries.Barrage(Seed, 100))
        {
            using var response = await _world.Webhooks.PostRawAsync(delivery.Event, delivery.Body, $"unsigned-{number++}", sign: false);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"seed {Seed}: {(int)response.StatusCode} for unsigned {delivery}");
        }

        Assert.Equal(0, await _world.StoredDeliveriesAsync());
    }

    [Theory]
    [InlineData("issue = null", HttpStatusCode.BadRequest, false)]
    [InlineData("comment = null", HttpStatusCode.BadRequest, false)]
    [InlineData("pull_request = null", HttpStatusCode.BadRequest, false)]
    [InlineData("issue.number = 0", HttpStatusCode.BadRequest, false)]
    [InlineData("issue.number = -3", HttpStatusCode.BadRequest, false)]
    [InlineData("issue.number = 3000000000", HttpStatusCode.BadRequest, false)]
    [InlineData("repository.full_name = null", HttpStatusCode.BadRequest, false)]
    [InlineData("repository.full_name = \"no-slash\"", HttpStatusCode.BadRequest, false)]
    [InlineData("repository.full_name = \"a/b/c\"", HttpStatusCode.BadRequest, false)]
    [InlineData("installation.id = -777", HttpStatusCode.OK, false)]
    [InlineData("installation = null", HttpStatusCode.OK, false)]
    [InlineData("pull_request.head.ref = \"tagbot/election-0\"", HttpStatusCode.OK, false)]
    [InlineData("sender.login = \"\\u0000\"", HttpStatusCode.OK, true)]
    public async Task What_GitHub_never_sends_is_refused_or_ignored_never_stored_half_read(string what, HttpStatusCode expected, bool stored)
    {
        var delivery = HostileDeliveries.Fixed().Single(d => d.What == what);

        using var response = await _world.Webhooks.PostRawAsync(delivery.Event, delivery.Body, "odd-1");

        Assert.True(expected == response.StatusCode, $"{delivery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await _world.StoredDeliveriesAsync();
        var rows = await StoredDelivery.ReadAsync(_world.DatabasePath);
        Assert.Equal(stored ? 1 : 0, rows.Count);
        Assert.All(rows, row => Assert.Null(row.Sender)); // a sender that is no login is stored as unknown
    }

    /// <summary>
    /// The webhook library reads each handled event's action into a type of its own and cannot read
    /// an action it does not know (one GitHub adds later): such a delivery is acknowledged and
    /// ignored, like an unknown event, never a 4xx that GitHub would show as failed, nor a 5xx.
    /// </summary>
    [Theory]
    [InlineData("issues", "issues.opened")]
    [InlineData("issue_comment", "issue_comment.created")]
    [InlineData("pull_request", "pull_request.closed")]
    public async Task An_action_the_library_does_not_know_is_acknowledged_and_ignored(string eventName, string example)
    {
        var payload = HostileDeliveries.Example(example);
        payload["action"] = "exploded";

        using var response = await _world.Webhooks.PostAsync(eventName, payload.ToJsonString(), "odd-action");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, await _world.StoredDeliveriesAsync());
    }

    public static TheoryData<string> HostileHeaders() => new(
        "no event", "two events", "blank event", "no delivery id", "a 10,000-character delivery id", "a delivery id with spaces and unicode",
        "form-encoded", "no content type", "json with a charset", "text/plain", "two signatures", "a sha1 signature only", "uppercase hex");

    [Theory]
    [MemberData(nameof(HostileHeaders))]
    public async Task Hostile_headers_get_an_answer_not_a_5xx(string headers)
    {
        var body = Encoding.UTF8.GetBytes(HostileDeliveries.Example("issue_comment.created").ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookSender.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        var signature = WebhookSender.Sign(GovernanceWorld.Secret, body);
        var eventNames = new List<string> { "issue_comment" };
        var deliveryId = Guid.NewGuid().ToString();
        switch (headers)
        {
            case "no event": eventNames.Clear(); break;
            case "two events": eventNames.Add("issues"); break;
            case "blank event": eventNames[0] = " "; break;
            case "no delivery id": deliveryId = null; break;
            case "a 10,000-character delivery id": deliveryId = new string('d', 10_000); break;
            case "a delivery id with spaces and unicode": deliveryId = "d e l\u00e9"; break;
            case "form-encoded": request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded"); break;
            case "no content type": request.Content.Headers.ContentType = null; break;
            case "json with a charset": request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8"); break;
            case "text/plain": request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain"); break;
            case "two signatures": request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature); break;
            case "a sha1 signature only": signature = null; request.Headers.Add("X-Hub-Signature", "sha1=" + new string('0', 40)); break;
            case "uppercase hex": signature = "sha256=" + signature["sha256=".Length..].ToUpperInvariant(); break;
        }

        foreach (var name in eventNames)
        {
            request.Headers.TryAddWithoutValidation("X-GitHub-Event", name);
        }

        if (deliveryId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-GitHub-Delivery", deliveryId);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }

        using var response = await _world.App.CreateClient().SendAsync(request);

        var expected = headers is "json with a charset" or "uppercase hex" ? HttpStatusCode.OK : HttpStatusCode.BadRequest;
        Assert.True(expected == response.StatusCode, $"{headers}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, await _world.StoredDeliveriesAsync());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413_without_a_declared_length()
    {
        using var content = new StreamContent(new FillerStream(Hosting.TagBotApp.MaxWebhookBytes + (1024 * 1024)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookSender.Path) { Content = content };
        request.Headers.Add("X-GitHub-Event", "issue_comment");
        request.Headers.Add("X-GitHub-Delivery", "chunked-huge");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
        request.Headers.TransferEncodingChunked = true;

        using var response = await _world.App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _world.StoredDeliveriesAsync());
        await AssertStillServingAsync();
    }

    /// <summary>A genuine delivery after whatever came before is acknowledged and stored.</summary>
    private async Task AssertStillServingAsync()
    {
        var before = await _world.StoredDeliveriesAsync();
        var issue = _world.GitHub.CreateIssue(GovernanceWorld.Repo, "chair-carla", "Still here?", "After the barrage.", ["proposal"]);
        using var response = await _world.Webhooks.PostAsync("issues",
            Payloads.Issues("opened", GovernanceWorld.Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await _world.StoredDeliveriesAsync());
    }
}
