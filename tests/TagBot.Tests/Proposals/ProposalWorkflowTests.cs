using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Proposals;

/// <summary>
/// The proposal workflow end to end: people act on the fake GitHub, GitHub's webhooks (its own
/// example payloads, really signed) reach the real app, and TagBot answers through real Octokit.
/// </summary>
public sealed class ProposalWorkflowTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        // Every scenario ends with exactly one status comment on every tracked issue.
        foreach (var issue in GitHub.Issues(Repo).Where(i => GitHub.Comments(Repo, i.Number).Any(c => Markers.IsStatus(c.Body))))
        {
            StatusComment(issue.Number);
        }

        await _world.DisposeAsync();
    }

    private FakeComment StatusComment(int issue)
    {
        var statuses = GitHub.Comments(Repo, issue)
            .Where(c => c.Author == GitHub.BotLogin && c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).ToList();
        return Assert.Single(statuses);
    }

    private IReadOnlyList<string> Reactions(long commentId) =>
        [.. GitHub.Reactions(commentId).Where(r => r.User == GitHub.BotLogin).Select(r => r.Content)];

    private IReadOnlyList<FakeComment> Replies(int issue, long commentId) =>
        [.. GitHub.Comments(Repo, issue).Where(c => c.Body.StartsWith(Markers.Reply(commentId), StringComparison.Ordinal))];

    private async Task<int> OpenProposalAsync()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "[Proposal] Tech Lead Lifecycle Revision", "proposal");
        await _world.IdleAsync();
        return issue;
    }

    [Fact]
    public async Task A_new_proposal_gets_its_labels_and_one_status_comment()
    {
        var issue = await OpenProposalAsync();

        var labels = _world.Labels(issue);
        Assert.Contains("status/discussion", labels);
        Assert.Contains("triage-required", labels);
        Assert.Contains("in discussion", StatusComment(issue).Body, StringComparison.Ordinal);
        Assert.Equal(GitHub.BotLogin, StatusComment(issue).Author);
        Assert.Contains(GitHub.Labels(Repo), l => l.Name == "status/discussion" && l.Color == "c5def5");
    }

    [Fact]
    public async Task A_lead_triages_and_an_outsider_is_refused_with_a_reply()
    {
        var issue = await OpenProposalAsync();

        var outsider = await _world.CommentAsync(issue, "random-rita", "/triage");
        await _world.IdleAsync();
        Assert.Contains("triage-required", _world.Labels(issue));
        Assert.Equal(["confused"], Reactions(outsider));
        Assert.Contains("only chairs and leads", Assert.Single(Replies(issue, outsider)).Body, StringComparison.Ordinal);

        var lead = await _world.CommentAsync(issue, "lead-lee", "/triage");
        await _world.IdleAsync();
        Assert.DoesNotContain("triage-required", _world.Labels(issue));
        Assert.Equal(["+1"], Reactions(lead));
        Assert.Contains("done by @lead-lee", StatusComment(issue).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consensus_comes_only_after_the_discussion_period_and_the_sweep_brings_it_without_a_webhook()
    {
        var issue = await OpenProposalAsync();
        await _world.CommentAsync(issue, "lead-lee", "/support");
        await _world.CommentAsync(issue, "member-mia", "I agree.\n/support");
        await _world.IdleAsync();
        Assert.Contains("status/discussion", _world.Labels(issue));
        Assert.Contains("the discussion period", StatusComment(issue).Body, StringComparison.Ordinal);

        _world.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        GitHub.Requests.Clear();
        await _world.SweepAsync();

        Assert.Contains("status/consensus", _world.Labels(issue));
        Assert.DoesNotContain("status/discussion", _world.Labels(issue));
        Assert.Contains("consensus reached", StatusComment(issue).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_objection_blocks_and_withdrawing_it_by_editing_the_comment_unblocks()
    {
        var issue = await OpenProposalAsync();
        await _world.CommentAsync(issue, "lead-lee", "/support");
        await _world.CommentAsync(issue, "member-mia", "/support");
        var objection = await _world.CommentAsync(issue, "chair-carla", "/object two-year terms are too long");
        _world.Clock.Advance(TimeSpan.FromDays(8));
        await _world.IdleAsync();
        Assert.Contains("status/blocked", _world.Labels(issue));
        Assert.Contains("two-year terms are too long", StatusComment(issue).Body, StringComparison.Ordinal);

        await _world.EditCommentAsync(issue, objection, "chair-carla", "~~/object two-year terms are too long~~ Convinced after the call.");
        await _world.IdleAsync();

        Assert.Contains("status/consensus", _world.Labels(issue));
        Assert.DoesNotContain("status/blocked", _world.Labels(issue));
        Assert.DoesNotContain("two-year terms are too long", StatusComment(issue).Body, StringComparison.Ordinal);
        Assert.Empty(Replies(issue, objection));
    }

    [Fact]
    public async Task Deleting_a_supporting_comment_removes_the_support()
    {
        var issue = await OpenProposalAsync();
        await _world.CommentAsync(issue, "lead-lee", "/support");
        var support = await _world.CommentAsync(issue, "member-mia", "/support");
        _world.Clock.Advance(TimeSpan.FromDays(8));
        await _world.IdleAsync();
        Assert.Contains("status/consensus", _world.Labels(issue));

        await _world.DeleteCommentAsync(issue, support, "member-mia");
        await _world.IdleAsync();

        Assert.Contains("status/discussion", _world.Labels(issue));
        Assert.Contains("1 more binding support", StatusComment(issue).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outsiders_are_counted_as_non_binding()
    {
        var issue = await OpenProposalAsync();
        await _world.CommentAsync(issue, "lead-lee", "/support");
        var outsider = await _world.CommentAsync(issue, "random-rita", "/support");
        await _world.CommentAsync(issue, "random-raj", "/object I prefer annual terms");
        _world.Clock.Advance(TimeSpan.FromDays(8));
        await _world.IdleAsync();

        Assert.Contains("status/discussion", _world.Labels(issue));
        var status = StatusComment(issue).Body;
        Assert.Contains("### Binding positions (1 support, 0 object)", status, StringComparison.Ordinal);
        Assert.Contains("### Non-binding positions (1 support, 1 object)", status, StringComparison.Ordinal);
        Assert.Contains($"#issuecomment-{outsider}", status, StringComparison.Ordinal);
        Assert.Equal(["+1"], Reactions(outsider));
    }

    [Fact]
    public async Task Commands_in_code_blocks_and_quotes_are_ignored()
    {
        var issue = await OpenProposalAsync();
        var fenced = await _world.CommentAsync(issue, "lead-lee", "Use it like this:\n\n```\n/support\n```");
        var quoted = await _world.CommentAsync(issue, "member-mia", "> /support\n\nQuoting Lee, not voting yet.");
        var indented = await _world.CommentAsync(issue, "chair-carla", "Example:\n\n    /decide accept");
        await _world.IdleAsync();

        Assert.Contains("(0 support, 0 object)", StatusComment(issue).Body, StringComparison.Ordinal);
        Assert.Contains("status/discussion", _world.Labels(issue));
        Assert.Empty(Reactions(fenced));
        Assert.Empty(Reactions(quoted));
        Assert.Empty(Reactions(indented));
        Assert.True(GitHub.Issue(Repo, issue).IsOpen);
    }

    [Fact]
    public async Task A_chair_decides_the_issue_is_labelled_and_closed()
    {
        var issue = await OpenProposalAsync();
        var decide = await _world.CommentAsync(issue, "chair-carla", "/decide reject the group prefers the current process");
        await _world.IdleAsync();

        var labels = _world.Labels(issue);
        Assert.Contains("status/rejected", labels);
        Assert.DoesNotContain("status/discussion", labels);
        Assert.DoesNotContain("triage-required", labels);
        var closed = GitHub.Issue(Repo, issue);
        Assert.False(closed.IsOpen);
        Assert.Equal("not_planned", closed.StateReason);
        Assert.Equal(["+1"], Reactions(decide));
        Assert.Contains("the group prefers the current process", StatusComment(issue).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_delivery_five_times_is_processed_once()
    {
        var issue = await OpenProposalAsync();
        var id = GitHub.AddComment(Repo, issue, "member-mia", "/withdraw");
        var payload = Payloads.IssueComment("created", Repo, GovernanceWorld.Installation, issue, _world.Labels(issue), id, "member-mia", "/withdraw");
        GitHub.Requests.Clear();

        for (var i = 0; i < 5; i++)
        {
            await _world.Deliver("issue_comment", payload, "delivery-five-times");
        }

        await _world.IdleAsync();

        Assert.Single(Replies(issue, id));
        Assert.Equal(["confused"], Reactions(id));
        Assert.Single(GitHub.Requests.Matching("GET", $"repos/{Repo}/issues/{issue}/comments"));
        Assert.Single(GitHub.Requests.Matching("POST", $"repos/{Repo}/issues/comments/{id}/reactions"));
    }

    [Fact]
    public async Task Redelivered_events_of_an_applied_state_change_nothing()
    {
        var issue = await OpenProposalAsync();
        var support = await _world.CommentAsync(issue, "lead-lee", "/support");
        await _world.IdleAsync();
        var before = StatusComment(issue);
        GitHub.Requests.Clear();

        await _world.Deliver("issue_comment",
            Payloads.IssueComment("created", Repo, GovernanceWorld.Installation, issue, _world.Labels(issue), support, "lead-lee", "/support"));
        await _world.IdleAsync();

        Assert.DoesNotContain(GitHub.Requests.Snapshot(), r => r.Method is "POST" or "PATCH" or "DELETE" or "PUT");
        Assert.Equal(before.UpdatedAt, StatusComment(issue).UpdatedAt);
    }

    [Fact]
    public async Task TagBots_own_events_do_not_loop()
    {
        var issue = await OpenProposalAsync();
        var status = StatusComment(issue);
        GitHub.Requests.Clear();

        await _world.Deliver("issue_comment",
            Payloads.IssueComment("created", Repo, GovernanceWorld.Installation, issue, _world.Labels(issue), status.Id, GitHub.BotLogin, status.Body));
        await _world.Deliver("issues", Payloads.Issues("labeled", Repo, GovernanceWorld.Installation, issue, "chair-carla", _world.Labels(issue), GitHub.BotLogin));
        await _world.IdleAsync();

        Assert.DoesNotContain(GitHub.Requests.Snapshot(), r => r.Path.StartsWith($"repos/{Repo}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_is_answered_on_an_unlabelled_issue()
    {
        var issue = await _world.OpenIssueAsync("random-rita", "How do I propose something?");
        var help = await _world.CommentAsync(issue, "random-rita", "/tagbot help");
        await _world.IdleAsync();

        Assert.Contains("/support", Assert.Single(Replies(issue, help)).Body, StringComparison.Ordinal);
        Assert.Equal(["+1"], Reactions(help));
        Assert.Empty(_world.Labels(issue));
        Assert.DoesNotContain(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_policy_keeps_the_last_valid_one_and_says_where_it_is_broken()
    {
        GitHub.SetFile(Repo, ".github/tagbot.yml", "proposals:\n  support_required: 1\n");
        var issue = await OpenProposalAsync();
        await _world.CommentAsync(issue, "lead-lee", "/support");
        _world.Clock.Advance(TimeSpan.FromDays(8));
        await _world.IdleAsync();
        Assert.Contains("status/consensus", _world.Labels(issue));

        GitHub.SetFile(Repo, ".github/tagbot.yml", "proposals:\n  support_required: 1\n  suport_required: two\n");
        await _world.CommentAsync(issue, "random-rita", "/tagbot status");
        await _world.IdleAsync();

        var status = StatusComment(issue).Body;
        Assert.Contains("status/consensus", _world.Labels(issue));
        Assert.Contains(".github/tagbot.yml:3:", status, StringComparison.Ordinal);
        Assert.Contains("suport_required", status, StringComparison.Ordinal);
        Assert.Contains("last valid version", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_valid_policy_TagBot_does_not_act_and_says_why()
    {
        GitHub.SetFile(Repo, ".github/tagbot.yml", "proposals: [this is not a mapping\n");
        var issue = await OpenProposalAsync();

        Assert.Equal(["proposal"], _world.Labels(issue));
        var status = StatusComment(issue).Body;
        Assert.Contains("not acting", status, StringComparison.Ordinal);
        Assert.Contains(".github/tagbot.yml:", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_policy_renames_the_labels()
    {
        GitHub.SetFile(Repo, ".github/tagbot.yml", "proposals:\n  label: kind/proposal\nlabels:\n  discussion: \"phase: discussion\"\n");
        var issue = await _world.OpenIssueAsync("chair-carla", "Rename things", "kind/proposal");
        await _world.IdleAsync();

        Assert.Contains("phase: discussion", _world.Labels(issue));
        Assert.DoesNotContain("status/discussion", _world.Labels(issue));
    }

    [Fact]
    public async Task Installing_the_App_picks_up_proposals_that_already_exist()
    {
        var existing = GitHub.CreateIssue(Repo, "chair-carla", "Older proposal", "body", ["proposal"]);
        GitHub.AddComment(Repo, existing, "lead-lee", "/support");
        var payload = Payloads.Load("installation_repositories.added");
        payload["installation"]!["id"] = GovernanceWorld.Installation;
        var added = payload["repositories_added"]!.AsArray();
        added[0]!["full_name"] = Repo;
        added[0]!["name"] = "tag-security";
        while (added.Count > 1)
        {
            added.RemoveAt(1);
        }

        await _world.Deliver("installation_repositories", payload.ToJsonString());
        await _world.IdleAsync();

        Assert.Contains("status/discussion", _world.Labels(existing));
        Assert.Contains("(1 support, 0 object)", StatusComment(existing).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_bot_copying_the_status_marker_is_not_mistaken_for_TagBot()
    {
        // A mirroring bot reposts a status comment before TagBot has ever seen the issue.
        var issue = GitHub.CreateIssue(Repo, "chair-carla", "Proposal", "body", ["proposal"]);
        var copy = GitHub.AddComment(Repo, issue, "mirror-bot[bot]", Markers.Status + "\n## Proposal: copied elsewhere\n");

        await _world.Deliver("issues", Payloads.Issues("opened", Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]));
        await _world.IdleAsync();

        Assert.Equal(GitHub.BotLogin, StatusComment(issue).Author);
        Assert.Contains("triage-required", _world.Labels(issue));
        Assert.Equal(Markers.Status + "\n## Proposal: copied elsewhere\n", GitHub.Comment(copy)!.Body);
    }

    [Fact]
    public async Task A_comment_on_an_issue_TagBot_does_not_track_costs_only_the_issue_and_policy_reads()
    {
        var issue = await _world.OpenIssueAsync("random-rita", "Unrelated question");
        await _world.IdleAsync();
        GitHub.Requests.Clear();

        await _world.CommentAsync(issue, "random-raj", "Any news on this?");
        await _world.IdleAsync();

        var paths = GitHub.Requests.Snapshot().Where(r => r.Path.StartsWith($"repos/{Repo}", StringComparison.Ordinal))
            .Select(r => $"{r.Method} {r.Path}").ToList();
        // The policy is found through the root listing (a 304 while nothing changed, docs/performance.md).
        Assert.Equal([$"GET repos/{Repo}/contents/", $"GET repos/{Repo}/issues/{issue}"], paths.Order(StringComparer.Ordinal));
    }
}
