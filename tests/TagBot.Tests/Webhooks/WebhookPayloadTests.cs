using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using TagBot.Webhooks;

namespace TagBot.Tests.Webhooks;

/// <summary>
/// The intake's forward reader against the webhook library's typed model, which it replaced on
/// the hot path: every one of GitHub's example deliveries of the handled events
/// (Payloads/handled-events.json, from @octokit/webhooks-examples 7.6.1) must give the same fields
/// both ways, and what the reader refuses it refuses with a reason.
/// </summary>
public sealed class WebhookPayloadTests
{
    public static TheoryData<int> Examples()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < HandledExamples.Value.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static readonly Lazy<IReadOnlyList<(string Event, JsonObject Payload)>> HandledExamples = new(() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "handled-events.json")))!.AsArray()
            .Select(e => (e!["event"]!.GetValue<string>(), e["payload"]!.AsObject()))]);

    [Fact]
    public void The_examples_cover_every_handled_event()
    {
        var events = HandledExamples.Value.Select(e => e.Event).ToHashSet();

        Assert.Equal(DeliveryRouter.HandledEvents.Order(), events.Order());
        Assert.True(HandledExamples.Value.Count >= 70, $"{HandledExamples.Value.Count} examples");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Reads_what_the_library_reads_from_each_of_GitHubs_examples(int index)
    {
        var (eventName, payload) = HandledExamples.Value[index];
        foreach (var variant in Variants(payload))
        {
            var body = Encoding.UTF8.GetBytes(variant.ToJsonString());
            var typed = await LibraryModelAsync(eventName, body);

            var read = WebhookPayload.Read(body);

            Assert.Equal(Flat(Expected(typed)), Flat(read));
        }
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{\"action\": \"created\", \"issue\": ", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("null", "not a JSON object")]
    [InlineData("\"issue\"", "not a JSON object")]
    [InlineData("{} {}", "not valid JSON")]
    [InlineData("{\"issue\": 7}", "'issue' must be an object")]
    [InlineData("{\"issue\": {\"number\": \"seven\"}}", "'issue.number' must be a whole number")]
    [InlineData("{\"issue\": {\"number\": 1.5}}", "'issue.number' must be a whole number")]
    [InlineData("{\"issue\": {\"number\": 99999999999999999999}}", "'issue.number' must be a whole number")]
    [InlineData("{\"installation\": {\"id\": \"1\"}}", "'installation.id' must be a whole number")]
    [InlineData("{\"action\": 3}", "'action' must be a string")]
    [InlineData("{\"comment\": {\"body\": [\"/tagbot\"]}}", "'comment.body' must be a string")]
    [InlineData("{\"repository\": {\"full_name\": {}}}", "'repository.full_name' must be a string")]
    [InlineData("{\"pull_request\": {\"head\": \"main\"}}", "'pull_request.head' must be an object")]
    [InlineData("{\"repositories_added\": {}}", "'repositories_added' must be an array")]
    [InlineData("{\"repositories\": [1]}", "'repositories' must hold objects")]
    [InlineData("{\"action\": \"created\", // a comment\n \"issue\": {}}", "not valid JSON")]
    [InlineData("{\"action\": \"created\",}", "not valid JSON")]
    public void Refuses_a_body_that_is_not_a_payload_and_says_why(string body, string reason)
    {
        var error = Assert.Throws<MalformedDeliveryException>(() => WebhookPayload.Read(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_nesting_deeper_than_64()
    {
        var deep = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)) + "}";

        var error = Assert.Throws<MalformedDeliveryException>(() => WebhookPayload.Read(Encoding.UTF8.GetBytes(deep)));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_read_field_that_is_not_UTF8_and_skips_an_unread_one()
    {
        static byte[] Body(string field) => [.. Encoding.ASCII.GetBytes($"{{\"action\":\"opened\",\"{field}\":{{\"login\":\"a"), 0xFF, .. "b\"}}"u8];

        var error = Assert.Throws<MalformedDeliveryException>(() => WebhookPayload.Read(Body("sender")));
        var skipped = WebhookPayload.Read(Body("assignee"));

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Equal("opened", skipped.Action);
    }

    [Theory]
    [InlineData("/tagbot help", true)]
    [InlineData("Thanks! /TagBot explain", true)]
    [InlineData("\\/tagbot help", true)] // JSON may escape the slash
    [InlineData("\\u002Ftagbot", true)]
    [InlineData("/tag bot", false)]
    [InlineData("tagbot", false)]
    public void A_comment_mentions_TagBot_by_its_command_however_it_is_escaped(string jsonBody, bool mentions)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"comment\":{{\"id\":5,\"body\":\"{jsonBody}\"}}}}");

        Assert.Equal(new WebhookComment(5, mentions), WebhookPayload.Read(body).Comment);
    }

    [Fact]
    public void Key_order_and_nulls_are_as_GitHub_may_send_them_and_a_repeated_key_counts_last()
    {
        var body = """
            {"issue": null, "sender": null, "installation": {"id": 1}, "action": "opened",
             "repository": {"owner": {"login": "x", "full_name": "not/this"}, "full_name": "cncf/tag-security"},
             "installation": {"node_id": "x", "id": 42}, "comment": null, "pull_request": {"head": null}}
            """u8;

        var read = WebhookPayload.Read(body);

        Assert.Equal(new WebhookPayload
        {
            Action = "opened",
            InstallationId = 42,
            Repository = "cncf/tag-security",
            PullRequestHead = new WebhookBranch(null),
        }, read);
        Assert.Equal(["a/b", null], WebhookPayload.Read("""{"repositories": [{"full_name": "a/b"}, null]}"""u8).Repositories);
    }

    /// <summary>Compared by value: the lists of repositories are lists.</summary>
    private static object Flat(WebhookPayload p) => (p.Action, p.InstallationId, p.Repository, p.Sender, p.IssueNumber, p.Comment, p.PullRequestHead,
        p.Repositories is null ? null : string.Join(",", p.Repositories.Select(r => r ?? "(null)")),
        p.RepositoriesAdded is null ? null : string.Join(",", p.RepositoriesAdded.Select(r => r ?? "(null)")));

    /// <summary>
    /// The example itself, and with a mention of TagBot and no sender. (The library requires some fields,
    /// such as <c>installation</c>, that the reader treats as absent; those cases are tested on their own.)
    /// </summary>
    private static IEnumerable<JsonObject> Variants(JsonObject example)
    {
        yield return example;

        var mentions = (JsonObject)example.DeepClone();
        if (mentions["comment"] is JsonObject comment)
        {
            comment["body"] = "Looks good.\r\n\r\n/TagBot explain";
        }

        mentions["sender"] = null;
        yield return mentions;
    }

    /// <summary>What the typed model says, in the reader's terms.</summary>
    private static WebhookPayload Expected(WebhookEvent typed) => new()
    {
        Action = typed.Action,
        InstallationId = typed switch
        {
            InstallationEvent e => e.Installation?.Id ?? 0,
            InstallationRepositoriesEvent e => e.Installation?.Id ?? 0,
            _ => typed.Installation?.Id ?? 0,
        },
        Repository = typed.Repository?.FullName,
        Sender = typed.Sender?.Login,
        IssueNumber = typed switch
        {
            IssuesEvent e => e.Issue?.Number,
            IssueCommentEvent e => e.Issue?.Number,
            _ => null,
        },
        Comment = typed is IssueCommentEvent { Comment: { } c }
            ? new WebhookComment(c.Id, c.Body?.Contains("/tagbot", StringComparison.OrdinalIgnoreCase) == true)
            : null,
        PullRequestHead = typed is PullRequestEvent { PullRequest: { } pr } ? new WebhookBranch(pr.Head?.Ref) : null,
        Repositories = typed is InstallationEvent { Repositories: { } repos } ? [.. repos.Select(r => r?.FullName)] : null,
        RepositoriesAdded = typed is InstallationRepositoriesEvent { RepositoriesAdded: { } added } ? [.. added.Select(r => r?.FullName)] : null,
    };

    private static async Task<WebhookEvent> LibraryModelAsync(string eventName, byte[] body)
    {
        var processor = new Capture();
        var headers = new Dictionary<string, StringValues> { ["X-GitHub-Event"] = eventName, ["X-GitHub-Delivery"] = "example" };
        await processor.ProcessWebhookAsync(headers, body, CancellationToken.None);
        return processor.Event ?? throw new InvalidOperationException($"the library did not read the {eventName} example");
    }

    private sealed class Capture : WebhookEventProcessor
    {
        public WebhookEvent? Event { get; private set; }

        public override ValueTask ProcessWebhookAsync(WebhookHeaders headers, WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
        {
            Event = webhookEvent;
            return ValueTask.CompletedTask;
        }
    }
}
