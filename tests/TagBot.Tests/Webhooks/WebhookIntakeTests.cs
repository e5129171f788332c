using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Webhooks;

/// <summary>The intake through the real ASP.NET pipeline: signatures, routing, dedup, bad input.</summary>
public sealed class WebhookIntakeTests : IAsyncLifetime
{
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync(workers: 0);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string CommentPayload(int issue = 1, string body = "/support") =>
        Payloads.IssueComment("created", GovernanceWorld.Repo, GovernanceWorld.Installation, issue, ["proposal"], 4242, "member-mia", body);

    [Fact]
    public async Task A_signed_delivery_is_stored_before_the_acknowledgement()
    {
        using var response = await _world.Webhooks.PostAsync("issue_comment", CommentPayload());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await _world.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task A_missing_signature_is_rejected_and_nothing_is_stored()
    {
        using var response = await _world.Webhooks.PostRawAsync("issue_comment", Encoding.UTF8.GetBytes(CommentPayload()), "d-1", sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _world.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task A_wrong_signature_is_rejected_and_nothing_is_stored()
    {
        var body = Encoding.UTF8.GetBytes(CommentPayload());
        using var forged = await _world.Webhooks.PostRawAsync("issue_comment", body, "d-2", signature: WebhookSender.Sign("not the secret", body));
        using var tampered = await _world.Webhooks.PostRawAsync(
            "issue_comment", Encoding.UTF8.GetBytes(CommentPayload(body: "/object tampered")), "d-3",
            signature: WebhookSender.Sign(GovernanceWorld.Secret, body));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(0, await _world.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task The_same_delivery_five_times_is_stored_once()
    {
        var payload = CommentPayload();
        for (var i = 0; i < 5; i++)
        {
            using var response = await _world.Webhooks.PostAsync("issue_comment", payload, "same-delivery");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, await _world.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task An_App_shaped_ping_is_answered()
    {
        using var response = await _world.Webhooks.PostAsync("ping", Payloads.AppPing(_world.GitHub.AppId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _world.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task A_repository_ping_is_answered()
    {
        using var response = await _world.Webhooks.PostAsync("ping", Payloads.Load("ping").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"action\": \"created\", \"issue\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"action\": \"created\", \"issue\": {\"number\": \"seven\"}}")]
    [InlineData("[]")]
    public async Task A_malformed_payload_of_a_handled_event_gets_400(string body)
    {
        using var response = await _world.Webhooks.PostAsync("issue_comment", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _world.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task An_unknown_event_is_acknowledged_and_ignored()
    {
        using var unknown = await _world.Webhooks.PostAsync("made_up_event", "{\"action\":\"exploded\"}");
        using var unhandled = await _world.Webhooks.PostAsync("star", "{\"action\":\"created\"}");

        Assert.True(unknown.IsSuccessStatusCode, $"unknown event answered {(int)unknown.StatusCode}");
        Assert.True(unhandled.IsSuccessStatusCode, $"unhandled event answered {(int)unhandled.StatusCode}");
        Assert.Equal(0, await _world.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task A_delivery_without_an_id_gets_400()
    {
        var body = Encoding.UTF8.GetBytes(CommentPayload());
        using var response = await _world.Webhooks.PostRawAsync("issue_comment", body, deliveryId: "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var body = new byte[Hosting.TagBotApp.MaxWebhookBytes + 1];
        using var response = await _world.Webhooks.PostRawAsync("issue_comment", body, "huge", signature: "sha256=00");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        var client = _world.App.CreateClient();

        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.Equal("ready", await client.GetStringAsync("/readyz"));
    }
}
