using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Tests.Harness;
using TagBot.Webhooks;

namespace TagBot.Tests.Hostile;

/// <summary>
/// Rotating the webhook secret: the operator sets the new secret in TagBot with the old one as
/// <c>GitHub__WebhookSecretPrevious</c>, changes it on GitHub, and removes the old one later. No
/// delivery is refused in between, and a delivery signed with neither is still refused.
/// </summary>
public sealed class SecretRotationTests : IAsyncLifetime
{
    private const string OldSecret = "the secret GitHub still signs with";
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync(workers: 0);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static string Comment(long id, string body = "/support") =>
        Payloads.IssueComment("created", GovernanceWorld.Repo, GovernanceWorld.Installation, 1, ["proposal"], id, "member-mia", body);

    private static async Task<HttpStatusCode> PostSignedWith(IsolatedTagBot tagbot, string secret, string payload, string deliveryId)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        using var response = await tagbot.Webhooks.PostRawAsync("issue_comment", body, deliveryId, signature: WebhookSender.Sign(secret, body));
        return response.StatusCode;
    }

    [Fact]
    public async Task During_a_rotation_deliveries_signed_with_either_secret_are_stored()
    {
        await using var tagbot = await IsolatedTagBot.StartAsync(_world, new Dictionary<string, string?> { ["GitHub:WebhookSecretPrevious"] = OldSecret });

        Assert.Equal(HttpStatusCode.OK, await PostSignedWith(tagbot, GovernanceWorld.Secret, Comment(1), "new-1"));
        Assert.Equal(HttpStatusCode.OK, await PostSignedWith(tagbot, OldSecret, Comment(2), "old-1"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostSignedWith(tagbot, "neither of them", Comment(3), "forged-1"));

        Assert.Equal(["new-1", "old-1"], (await tagbot.StoredDeliveriesAsync()).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_body_changed_after_signing_with_the_previous_secret_is_refused()
    {
        await using var tagbot = await IsolatedTagBot.StartAsync(_world, new Dictionary<string, string?> { ["GitHub:WebhookSecretPrevious"] = OldSecret });
        var signed = Encoding.UTF8.GetBytes(Comment(1));
        var tampered = Encoding.UTF8.GetBytes(Comment(1, "/object tampered"));

        using var response = await tagbot.Webhooks.PostRawAsync("issue_comment", tampered, "tampered", signature: WebhookSender.Sign(OldSecret, signed));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await tagbot.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task Once_the_previous_secret_is_removed_it_no_longer_signs_anything()
    {
        await using var tagbot = await IsolatedTagBot.StartAsync(_world, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.BadRequest, await PostSignedWith(tagbot, OldSecret, Comment(1), "old-after-rotation"));
        Assert.Equal(HttpStatusCode.OK, await PostSignedWith(tagbot, GovernanceWorld.Secret, Comment(2), "new-after-rotation"));
        Assert.Equal(["new-after-rotation"], (await tagbot.StoredDeliveriesAsync()).Select(d => d.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_previous_secret_is_no_secret_at_all(string blank)
    {
        await using var tagbot = await IsolatedTagBot.StartAsync(_world, new Dictionary<string, string?> { ["GitHub:WebhookSecretPrevious"] = blank });

        Assert.Equal(HttpStatusCode.BadRequest, await PostSignedWith(tagbot, blank, Comment(1), "blank-signed"));
        Assert.Empty(await tagbot.StoredDeliveriesAsync());
    }

    [Fact]
    public async Task Without_any_signature_nothing_is_stored_even_during_a_rotation()
    {
        await using var tagbot = await IsolatedTagBot.StartAsync(_world, new Dictionary<string, string?> { ["GitHub:WebhookSecretPrevious"] = OldSecret });

        using var unsigned = await tagbot.Webhooks.PostRawAsync("issue_comment", Encoding.UTF8.GetBytes(Comment(1)), "unsigned", sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Empty(await tagbot.StoredDeliveriesAsync());
    }

    [Fact]
    public void Signatures_are_checked_exactly()
    {
        var signatures = new WebhookSignatures(Options.Create(new GitHubOptions { WebhookSecret = "current", WebhookSecretPrevious = "previous" }));
        var body = "{\"zen\":\"Keep it logically awesome.\"}"u8.ToArray();
        var current = WebhookSender.Sign("current", body);
        var previous = WebhookSender.Sign("previous", body);

        Assert.Equal(SignedWith.Current, signatures.Verify(current, body));
        Assert.Equal(SignedWith.Previous, signatures.Verify(previous, body));
        Assert.Equal(SignedWith.Current, signatures.Verify("SHA256=" + current["sha256=".Length..].ToUpperInvariant(), body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(WebhookSender.Sign("other", body), body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(current, [.. body, (byte)' ']));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(default, body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify("", body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify("sha256=", body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(current[..^2], body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(current + "00", body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(current[..^1] + "g", body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify("sha1=" + current["sha256=".Length..], body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(" " + current, body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(new Microsoft.Extensions.Primitives.StringValues([current, current]), body));
    }

    [Fact]
    public void Without_a_previous_secret_only_the_current_one_signs()
    {
        var signatures = new WebhookSignatures(Options.Create(new GitHubOptions { WebhookSecret = "current" }));
        var body = "{}"u8.ToArray();

        Assert.Equal(SignedWith.Current, signatures.Verify(WebhookSender.Sign("current", body), body));
        Assert.Equal(SignedWith.Nothing, signatures.Verify(WebhookSender.Sign("", body), body));
    }
}
