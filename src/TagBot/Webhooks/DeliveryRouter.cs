using System.Text.RegularExpressions;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using TagBot.Core.Elections;
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

    /// <exception cref="MalformedDeliveryException">A handled event lacks what GitHub always sends (the issue, a valid repository name).</exception>
    public static IReadOnlyList<Delivery> Route(string deliveryId, string eventName, WebhookEvent webhookEvent, DateTimeOffset receivedAt)
    {
        // Installation events redeclare `installation` with the full model, hiding the base property.
        var installation = webhookEvent switch
        {
            InstallationEvent e => e.Installation?.Id ?? 0,
            InstallationRepositoriesEvent e => e.Installation?.Id ?? 0,
            _ => webhookEvent.Installation?.Id ?? 0,
        };
        if (installation <= 0)
        {
            return []; // not sent to an installation of the App (a ping, a repository hook): nothing to reconcile
        }

        var sender = webhookEvent.Sender?.Login is { } login && SenderLogin().IsMatch(login) ? login : null;
        var action = ActionOf(webhookEvent);

        Delivery ForIssue(long number, bool mentions = false) =>
            new(deliveryId, eventName, action, installation, Repository(webhookEvent.Repository?.FullName), IssueNumber(number), sender, receivedAt, mentions);

        Delivery ForRepository(string? repo) =>
            new($"{deliveryId}/{Repository(repo)}", eventName, action, installation, Repository(repo), null, sender, receivedAt);

        return webhookEvent switch
        {
            IssuesEvent e => [ForIssue(Required(e.Issue, "issue").Number)],
            IssueCommentEvent e =>
                [ForIssue(Required(e.Issue, "issue").Number, Required(e.Comment, "comment").Body?.Contains("/tagbot", StringComparison.OrdinalIgnoreCase) == true)],
            PullRequestEvent e when e.Action == "closed" && RosterBranch.Parse(Required(e.PullRequest, "pull_request").Head?.Ref)?.Issue is { } issue =>
                [ForIssue(issue)],
            InstallationEvent e when e.Action == "created" && e.Repositories is { } repos => [.. repos.Select(r => ForRepository(r?.FullName))],
            InstallationRepositoriesEvent e when e.Action == "added" => [.. Required(e.RepositoriesAdded, "repositories_added").Select(r => ForRepository(r?.FullName))],
            _ => [],
        };
    }

    /// <summary>
    /// The payload's action as stored and counted: GitHub's are short snake_case words. Anything else
    /// (text no database column or metric label should hold) becomes <c>invalid</c>.
    /// </summary>
    public static string? ActionOf(WebhookEvent webhookEvent) =>
        webhookEvent.Action is not { } action ? null : ActionWord().IsMatch(action) ? action : "invalid";

    private static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw new MalformedDeliveryException($"'{field}' is missing.");

    private static string Repository(string? fullName) =>
        fullName is not null && RepositoryFullName().IsMatch(fullName)
            ? fullName
            : throw new MalformedDeliveryException(fullName is null ? "'repository.full_name' is missing." : "'repository.full_name' is not owner/name.");

    private static int IssueNumber(long number) =>
        number is > 0 and <= int.MaxValue ? (int)number : throw new MalformedDeliveryException($"issue number {number} is out of range.");

    // GitHub owners: letters, digits, hyphens (at most 39); repositories: also '.' and '_' (at most 100).
    [GeneratedRegex(@"^[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryFullName();

    // A user's login, or an App's name[bot]; another sender is stored as unknown (null).
    [GeneratedRegex(@"^[A-Za-z0-9-]{1,39}(\[bot\])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SenderLogin();

    [GeneratedRegex(@"^[a-z0-9_]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActionWord();
}
