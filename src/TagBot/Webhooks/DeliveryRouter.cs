using System.Text.RegularExpressions;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using TagBot.Inbox;

namespace TagBot.Webhooks;

/// <summary>
/// Maps a delivery to the lanes it concerns. The payload only says which issue to look at; the
/// worker reads everything else from GitHub, so stale or reordered payloads cannot mislead it.
/// </summary>
public static partial class DeliveryRouter
{
    /// <summary>Events the App subscribes to (see app-manifest.yml); malformed ones are answered 400.</summary>
    public static readonly IReadOnlySet<string> HandledEvents =
        new HashSet<string>(StringComparer.Ordinal) { "issues", "issue_comment", "pull_request", "installation", "installation_repositories" };

    public static IReadOnlyList<Delivery> Route(string deliveryId, string eventName, WebhookEvent webhookEvent, DateTimeOffset receivedAt)
    {
        // Installation events redeclare `installation` with the full model, hiding the base property.
        var installation = webhookEvent switch
        {
            InstallationEvent e => e.Installation.Id,
            InstallationRepositoriesEvent e => e.Installation.Id,
            _ => webhookEvent.Installation?.Id ?? 0,
        };
        var sender = webhookEvent.Sender?.Login;
        var repository = webhookEvent.Repository?.FullName;

        Delivery ForIssue(string repo, long number, bool mentions = false) =>
            new(deliveryId, eventName, webhookEvent.Action, installation, repo, checked((int)number), sender, receivedAt, mentions);

        Delivery ForRepository(string repo) =>
            new($"{deliveryId}/{repo}", eventName, webhookEvent.Action, installation, repo, null, sender, receivedAt);

        return webhookEvent switch
        {
            _ when installation == 0 && eventName != "ping" => [],
            IssuesEvent e when repository is not null => [ForIssue(repository, e.Issue.Number)],
            IssueCommentEvent e when repository is not null =>
                [ForIssue(repository, e.Issue.Number, e.Comment.Body?.Contains("/tagbot", StringComparison.OrdinalIgnoreCase) == true)],
            PullRequestEvent e when repository is not null && e.Action == "closed" && ElectionIssue(e.PullRequest.Head.Ref) is { } issue =>
                [ForIssue(repository, issue)],
            InstallationEvent e when e.Action == "created" && e.Repositories is { } repos => [.. repos.Select(r => ForRepository(r.FullName))],
            InstallationRepositoriesEvent e when e.Action == "added" => [.. e.RepositoriesAdded.Select(r => ForRepository(r.FullName))],
            _ => [],
        };
    }

    /// <summary>Roster pull requests come from <c>tagbot/election-N</c>: their events concern issue N.</summary>
    public static int? ElectionIssue(string? branch) =>
        branch is not null && ElectionBranch().Match(branch) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, out var n) ? n : null;

    [GeneratedRegex(@"^tagbot/election-(\d{1,9})$")]
    private static partial Regex ElectionBranch();
}
