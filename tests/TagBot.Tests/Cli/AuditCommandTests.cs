using System.Globalization;
using TagBot.Core.Elections;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Cli;

/// <summary>
/// <c>TagBot audit</c> run as the real executable against the fake GitHub, after the real TagBot
/// processed the issue there: what it posted is consistent with a recomputation from the public
/// comments, until someone edits TagBot's comments or labels by hand.
/// </summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    /// <summary>An installation token, minted through the fake as the App would mint one (JWT → access_tokens).</summary>
    private async Task<string> TokenAsync() =>
        (await FakeGitHubClients.AppClient(GitHub).GitHubApps.CreateInstallationToken(GovernanceWorld.Installation)).Token;

    private async Task<(int? ExitCode, string Output)> AuditAsync(int issue, IReadOnlyDictionary<string, string?>? environment = null, params string[] more)
    {
        string[] arguments =
        [
            "audit", "--repo", Repo, "--issue", issue.ToString(CultureInfo.InvariantCulture), "--api-url", GitHub.BaseUrl.ToString(), .. more,
        ];
        using var tagbot = TagBotProcess.Start(environment ?? new Dictionary<string, string?> { ["GITHUB_TOKEN"] = null }, arguments);
        var exitCode = await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, tagbot.Output);
    }

    /// <summary>Asserts <paramref name="output"/> contains <paramref name="expected"/>, showing the whole output when not.</summary>
    private static void Shows(string expected, string output) =>
        Assert.True(output.ReplaceLineEndings("\n").Contains(expected, StringComparison.Ordinal), $"Expected to find:\n{expected}\nin:\n{output}");

    private FakeComment StatusComment(int issue) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => Markers.IsStatus(c.Body));

    private async Task<int> DiscussedProposalAsync()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "[Proposal] Tech Lead Lifecycle Revision", "proposal");
        await _world.CommentAsync(issue, "member-mia", "/support");
        await _world.CommentAsync(issue, "lead-lee", "/object two-year terms are too long");
        await _world.CommentAsync(issue, "someone-else", "/support +1");
        await _world.CommentAsync(issue, "member-max", "/object");
        await _world.CommentAsync(issue, "chair-carla", "/triage");
        await _world.IdleAsync();
        Assert.Contains("status/blocked", _world.Labels(issue));
        return issue;
    }

    [Fact]
    public async Task After_TagBot_processed_a_proposal_the_audit_says_consistent()
    {
        var issue = await DiscussedProposalAsync();

        var (exitCode, output) = await AuditAsync(issue, more: ["--token", await TokenAsync()]);

        Assert.True(exitCode == 0, output);
        Shows($"TagBot audit of {Repo}#{issue} \"[Proposal] Tech Lead Lifecycle Revision\" (proposal, open).", output);
        Shows("Compared: labels, the status comment, 1 reply.", output);
        Shows("Consistent: what TagBot posted is what its rules give from the public comments.", output);
    }

    [Fact]
    public async Task A_status_comment_edited_by_someone_else_is_reported_as_a_difference_with_exit_code_1()
    {
        var issue = await DiscussedProposalAsync();
        var status = StatusComment(issue);
        GitHub.EditComment(status.Id, status.Body
            .Replace("## Proposal: blocked by an objection", "## Proposal: consensus reached", StringComparison.Ordinal)
            .Replace("| @lead-lee | objection: two-year terms are too long |", "| @lead-lee | support |", StringComparison.Ordinal));

        var (exitCode, output) = await AuditAsync(issue, new Dictionary<string, string?> { ["GITHUB_TOKEN"] = await TokenAsync() });

        Assert.True(exitCode == 1, output);
        Shows("1 difference(s) between what TagBot posted and the recomputation:", output);
        Shows($"1. Status comment (https://github.com/{Repo}/issues/{issue}#issuecomment-{status.Id}): differs (- posted, + expected)", output);
        Shows("   -## Proposal: consensus reached\n   +## Proposal: blocked by an objection\n", output);
        Shows("   -| @lead-lee | support |", output);
        Shows("   +| @lead-lee | objection: two-year terms are too long |", output);
    }

    [Fact]
    public async Task Labels_changed_by_hand_and_a_deleted_reply_are_reported()
    {
        var issue = await DiscussedProposalAsync();
        GitHub.RemoveLabel(Repo, issue, "status/blocked");
        GitHub.AddLabel(Repo, issue, "status/accepted");
        var reply = Assert.Single(GitHub.Comments(Repo, issue), c => Markers.RepliedTo(c.Body) is not null);
        GitHub.DeleteComment(reply.Id);

        var (exitCode, output) = await AuditAsync(issue, more: ["--token", await TokenAsync()]);

        Assert.True(exitCode == 1, output);
        Shows("2 difference(s)", output);
        Shows("1. Labels: missing: status/blocked; not expected: status/accepted", output);
        Shows("   expected: status/blocked\n   posted:   status/accepted\n", output);
        Shows("2. Reply to @member-max's comment", output);
        Shows(": not posted", output);
    }

    [Fact]
    public async Task A_closed_election_is_consistent_until_its_result_comment_is_edited()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.CommentAsync(issue, "member-mia", "/nominate");
        await _world.CommentAsync(issue, "member-max", "/nominate");
        await _world.CommentAsync(issue, "lead-lee", "/support @member-mia @member-max");
        await _world.CommentAsync(issue, "chair-carla", "/support @member-mia");
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();
        Assert.Contains("roster/pr-open", _world.Labels(issue));
        var token = await TokenAsync();

        var (exitCode, output) = await AuditAsync(issue, more: ["--token", token]);

        Assert.True(exitCode == 0, output);
        Shows("(election, open)", output);
        Shows("Compared: labels, the status comment, the result comment, the result's digest.", output);
        Shows("Consistent:", output);

        // Maintainers merge the roster pull request: the elected now hold the role in the roster.
        var pull = Assert.Single(GitHub.PullRequests(Repo));
        GitHub.MergePullRequest(Repo, pull.Number, "chair-carla");
        await _world.Deliver("pull_request", Payloads.PullRequestClosed(Repo, GovernanceWorld.Installation, pull.Number, pull.HeadRef, merged: true, "chair-carla"));
        await _world.IdleAsync();
        Assert.False(GitHub.Issue(Repo, issue).IsOpen);

        (exitCode, output) = await AuditAsync(issue, more: ["--token", token]);

        Assert.True(exitCode == 0, output);
        Shows("(election, closed)", output);
        Shows("Compared: labels, the status comment, the result comment, the comment on the roster pull request's fate, the result's digest.", output);

        // Someone rewrites the frozen result.
        var result = Assert.Single(GitHub.Comments(Repo, issue), c => ElectionResult.IsResult(c.Body));
        GitHub.EditComment(result.Id, result.Body.Replace("| 1 | @member-mia |", "| 1 | @member-max |", StringComparison.Ordinal));

        (exitCode, output) = await AuditAsync(issue, more: ["--token", token]);

        Assert.True(exitCode == 1, output);
        Shows("1. Result comment (", output);
        Shows("   -| 1 | @member-max |", output);
        Shows("   +| 1 | @member-mia |", output);
    }

    [Fact]
    public async Task A_missing_issue_a_bad_token_a_broken_policy_and_a_bad_invocation_exit_with_2()
    {
        var token = await TokenAsync();

        var (exitCode, output) = await AuditAsync(999, more: ["--token", token]);
        Assert.True(exitCode == 2, output);
        Shows($"{Repo}#999 is not an issue", output);

        (exitCode, output) = await AuditAsync(1, more: ["--token", "not-a-token"]);
        Assert.True(exitCode == 2, output);
        Shows("refused the credentials (401)", output);

        // A broken policy: the bot falls back on the last valid version in its database, which the audit cannot read.
        var issue = await DiscussedProposalAsync();
        GitHub.SetFile(Repo, ".github/tagbot.yml", "proposals:\n  suport_required: 3\n");
        (exitCode, output) = await AuditAsync(issue, more: ["--token", token]);
        Assert.True(exitCode == 2, output);
        Shows("a file on the default branch is invalid", output);
        Shows("did you mean 'support_required'?", output);

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "audit", "--repo", Repo, "--issue", "twelve");
        Assert.Equal(2, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("--issue N is required", tagbot.Output, StringComparison.Ordinal);
    }

    private async Task<(int Issue, long Support)> ClosedElectionAsync()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.CommentAsync(issue, "member-mia", "/nominate");
        var support = await _world.CommentAsync(issue, "member-max", "/support @member-mia");
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();
        Assert.Contains(GitHub.Comments(Repo, issue), c => c.Body.Contains(Markers.ElectionDigest, StringComparison.Ordinal));
        return (issue, support);
    }

    [Fact]
    public async Task An_untouched_closed_election_is_reported_intact_with_exit_code_0()
    {
        var (issue, _) = await ClosedElectionAsync();

        var (exitCode, output) = await AuditAsync(issue, more: ["--token", await TokenAsync()]);

        Assert.True(exitCode == 0, output);
        Shows("Note: Record intact: the digest sha256:", output);
        Shows("as the election froze them at commit ", output);
    }

    [Fact]
    public async Task A_counted_comment_edited_after_the_close_leaves_the_result_and_makes_the_audit_exit_1_naming_it()
    {
        var (issue, support) = await ClosedElectionAsync();
        var result = Assert.Single(GitHub.Comments(Repo, issue), c => Markers.IsElectionResult(c.Body));

        _world.Clock.Advance(TimeSpan.FromMinutes(5));
        await _world.EditCommentAsync(issue, support, "member-max", "/object @member-mia on second thought");
        await _world.IdleAsync();

        // The result comment and the pull request stay as they were; the status says what changed.
        Assert.Equal(result.Body, Assert.Single(GitHub.Comments(Repo, issue), c => Markers.IsElectionResult(c.Body)).Body);
        Assert.Equal("open", Assert.Single(GitHub.PullRequests(Repo)).State);
        Shows($"Counted comments changed after [the result](", StatusComment(issue).Body);
        Shows($"#issuecomment-{result.Id}) was posted: [comment {support}](", StatusComment(issue).Body);

        var (exitCode, output) = await AuditAsync(issue, more: ["--token", await TokenAsync()]);

        Assert.True(exitCode == 1, output);
        Shows($"Counted comment {support}", output);
        Shows($"#issuecomment-{support}", output);
    }
}
