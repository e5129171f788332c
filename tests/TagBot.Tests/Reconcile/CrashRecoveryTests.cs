using Microsoft.Extensions.DependencyInjection;
using TagBot.Core.Status;
using TagBot.Inbox;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Reconcile;

/// <summary>An accepted delivery is never lost: a crash before or during processing is recovered on restart.</summary>
public sealed class CrashRecoveryTests
{
    private const string Repo = GovernanceWorld.Repo;

    [Fact]
    public async Task A_delivery_stored_before_a_crash_is_processed_after_restart()
    {
        // Intake only: the delivery is acknowledged and stored, and nothing processes it.
        await using var world = await GovernanceWorld.StartAsync(workers: 0);
        var issue = world.GitHub.CreateIssue(Repo, "chair-carla", "Proposal", "body", ["proposal"]);
        await world.Deliver("issues", Payloads.Issues("opened", Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]));
        await world.StopTagBotAsync();
        Assert.Empty(world.GitHub.Comments(Repo, issue));

        world.StartTagBot(workers: 2);
        await world.IdleAsync();

        Assert.Single(world.GitHub.Comments(Repo, issue), c => Markers.IsStatus(c.Body));
        Assert.Contains("status/discussion", world.Labels(issue));
    }

    [Fact]
    public async Task A_reconcile_that_fails_midway_is_retried_and_completes_without_duplicates()
    {
        await using var world = await GovernanceWorld.StartAsync();
        var issue = world.GitHub.CreateIssue(Repo, "chair-carla", "Proposal", "body", ["proposal"]);
        var support = world.GitHub.AddComment(Repo, issue, "lead-lee", "/support\n/decide accept");
        // The status comment lands, then every attempt to react fails until the fault is used up.
        world.GitHub.Faults.Add("POST", $"repos/{Repo}/issues/comments/{support}/reactions", FakeGitHub.Fault.Status(422, "Validation Failed"), times: 2);
        await world.Deliver("issues", Payloads.Issues("opened", Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]));
        await world.IdleAsync(TimeSpan.FromSeconds(30));

        Assert.Single(world.GitHub.Comments(Repo, issue), c => Markers.IsStatus(c.Body));
        Assert.Single(world.GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Reply(support), StringComparison.Ordinal));
        Assert.Contains("+1", world.GitHub.Reactions(support).Select(r => r.Content));
    }
}
