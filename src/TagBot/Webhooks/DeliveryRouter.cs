using System.Text.RegularExpressions;
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
    public static IReadOnlyList<Delivery> Route(string deliveryId, string eventName, WebhookPayload payload, DateTimeOffset receivedAt)
    {
        var installation = payload.InstallationId;
        if (installation <= 0)
        {
            return []; // not sent to an installation of the App (a ping, a repository hook): nothing to reconcile
        }

        var sender = payload.Sender is { } login && SenderLogin().IsMatch(login) ? login : null;
        var action = ActionOf(payload);

        Delivery ForIssue(long number, bool mentions = false, long? deletedComment = null) =>
            new(deliveryId, eventName, action, installation, Repository(payload.Repository), IssueNumber(number), sender, receivedAt, mentions, deletedComment);

        Delivery ForRepository(string? repo) =>
            new($"{deliveryId}/{Repository(repo)}", eventName, action, installation, Repository(repo), null, sender, receivedAt);

        return eventName switch
        {
            "issues" => [ForIssue(Required(payload.IssueNumber, "issue"))],
            "issue_comment" => [ForIssue(Required(payload.IssueNumber, "issue"), Required(payload.Comment, "comment").MentionsTagBot, DeletedComment(payload))],
            "pull_request" when payload.Action == "closed" && RosterBranch.Parse(Required(payload.PullRequestHead, "pull_request").Ref)?.Issue is { } issue =>
                [ForIssue(issue)],
            "installation" when payload.Action == "created" && payload.Repositories is { } repos => [.. repos.Select(ForRepository)],
            "installation_repositories" when payload.Action == "added" => [.. Required(payload.RepositoriesAdded, "repositories_added").Select(ForRepository)],
            _ => [],
        };
    }

    /// <summary>
    /// The payload's action as stored and counted: GitHub's are short snake_case words. Anything else
    /// (text no database column or metric label should hold) becomes <c>invalid</c>.
    /// </summary>
    public static string? ActionOf(WebhookPayload payload) =>
        payload.Action is not { } action ? null : ActionWord().IsMatch(action) ? action : "invalid";

    /// <summary>
    /// A deleted comment's ID travels with its delivery and is recorded for the comment cache in the
    /// same transaction: the reconcile it wakes must not count the comment, and a delta read cannot show a deletion.
    /// </summary>
    private static long? DeletedComment(WebhookPayload payload) =>
        payload is { Action: "deleted", Comment.Id: > 0 } ? payload.Comment.Id : null;

    private static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw new MalformedDeliveryException($"'{field}' is missing.");

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
