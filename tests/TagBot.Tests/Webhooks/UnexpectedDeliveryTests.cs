using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TagBot.Tests.Harness;
using TagBot.Tests.Hostile;

namespace TagBot.Tests.Webhooks;

/// <summary>
/// Deliveries GitHub really sends that TagBot has no use for: actions added after this release,
/// and events from a repository webhook instead of the App. Acknowledged, never stored.
/// </summary>
public sealed class UnexpectedDeliveryTests : IAsyncLifetime, IDisposable
{
    private readonly LogCapture _logs = new();
    private GovernanceWorld _world = null!;
    private IsolatedTagBot _tagbot = null!;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(workers: 1);
        _tagbot = await IsolatedTagBot.StartAsync(_world, new Dictionary<string, string?>(), workers: 1,
            services: s => s.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _tagbot.DisposeAsync();
        await _world.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    private static string WithAction(string payload, string action)
    {
        var json = JsonNode.Parse(payload)!.AsObject();
        json["action"] = action;
        return json.ToJsonString();
    }

    [Theory]
    [InlineData("issues", "pinned2")]
    [InlineData("issues", "typed_by_a_future_github")]
    [InlineData("issue_comment", "reacted")]
    [InlineData("issue_comment", "minimized")]
    [InlineData("pull_request", "auto_rebased")]
    public async Task A_new_action_of_a_handled_event_is_acknowledged_and_ignored(string eventName, string action)
    {
        var issue = _world.GitHub.CreateIssue(GovernanceWorld.Repo, "chair-carla", "Proposal", "Please comment.", ["proposal"]);
        var payload = eventName switch
        {
            "issues" => Payloads.Issues("opened", GovernanceWorld.Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]),
            "issue_comment" => Payloads.IssueComment("created", GovernanceWorld.Repo, GovernanceWorld.Installation, issue, ["proposal"], 1, "member-mia", "/support"),
            _ => Payloads.PullRequestClosed(GovernanceWorld.Repo, GovernanceWorld.Installation, 9, $"tagbot/election-{issue}", merged: true, "chair-carla"),
        };

        using var response = await _tagbot.Webhooks.PostAsync(eventName, WithAction(payload, action));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("ignored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _tagbot.StoredDeliveriesAsync());
        await _tagbot.IdleAsync();
        Assert.Empty(_world.GitHub.Comments(GovernanceWorld.Repo, issue)); // nothing applied
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_malformed_payload_with_a_known_action_still_gets_400()
    {
        using var response = await _tagbot.Webhooks.PostAsync("issues", "{\"action\":\"opened\",\"issue\":{\"number\":\"seven\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("issues")]
    [InlineData("issue_comment")]
    public async Task A_repository_webhook_is_acknowledged_with_one_warning_saying_to_install_the_App(string eventName)
    {
        var payload = JsonNode.Parse(eventName == "issues"
            ? Payloads.Issues("opened", GovernanceWorld.Repo, GovernanceWorld.Installation, 1, "chair-carla", ["proposal"])
            : Payloads.IssueComment("created", GovernanceWorld.Repo, GovernanceWorld.Installation, 1, ["proposal"], 1, "member-mia", "/support"))!.AsObject();
        payload.Remove("installation"); // as a repository's own webhook sends it

        using var response = await _tagbot.Webhooks.PostAsync(eventName, payload.ToJsonString(), "repo-hook-1");

        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
        Assert.Empty(await _tagbot.StoredDeliveriesAsync());
        var warning = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("repo-hook-1", warning.Message, StringComparison.Ordinal);
        Assert.Contains("repository or organization webhook", warning.Message, StringComparison.Ordinal);
        Assert.Contains("install the App", warning.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_Apps_own_ping_has_no_installation_and_no_warning()
    {
        using var response = await _tagbot.Webhooks.PostAsync("ping", Payloads.AppPing(_world.GitHub.AppId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }
}
