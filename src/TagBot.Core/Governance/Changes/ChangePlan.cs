using TagBot.Core.Issues;
using TagBot.Core.Status;

namespace TagBot.Core.Governance.Changes;

/// <summary>
/// The one diff between an issue as it is and as TagBot wants it: labels to add and remove, its
/// comments to post or edit, reactions and closes not yet done, the roster pull request to open.
/// A second plan on the state the first one left is empty, which is what makes a repeated or
/// reordered delivery harmless.
/// </summary>
public static class ChangePlan
{
    /// <param name="issue">The issue as GitHub shows it; TagBot's own comments are those marked <see cref="IssueComment.ByTagBot"/>.</param>
    /// <param name="desired">What the decider wants.</param>
    /// <param name="done">Keys of the reactions and closes already made (GitHub cannot show them cheaply).</param>
    public static IReadOnlyList<IssueAction> For(IssueSnapshot issue, DesiredState desired, IReadOnlySet<string> done)
    {
        var actions = new List<IssueAction>();
        var toAdd = desired.Labels.Where(l => !issue.HasLabel(l)).Order(StringComparer.Ordinal).ToList();
        if (toAdd.Count > 0)
        {
            actions.Add(new IssueAction.AddLabels(toAdd));
        }

        actions.AddRange(issue.Labels
            .Where(l => desired.ManagedLabels.Contains(l) && !desired.Labels.Contains(l))
            .Select(l => new IssueAction.RemoveLabel(l)));

        // Before the notices: the reopening's notice moves TagBot to the next round's branch, so the
        // old pull request must be closed first or a failed pass would leave it open for ever.
        if (desired.RosterPullRequestClosure is { } closure && !done.Contains(closure.Key))
        {
            actions.Add(new IssueAction.CloseRosterPullRequest(closure));
        }

        var own = issue.Comments.Where(c => c.ByTagBot).ToList();
        if (desired.StatusComment is { } status)
        {
            actions.AddRange(Upsert(CommentRole.Status, own.FirstOrDefault(c => Markers.IsStatus(c.Body)), status, null));
        }

        var replies = own.Where(c => Markers.RepliedTo(c.Body) is not null)
            .GroupBy(c => Markers.RepliedTo(c.Body)!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var reply in desired.Replies)
        {
            actions.AddRange(Upsert(CommentRole.Reply, replies.GetValueOrDefault(reply.CommentId), reply.Body, reply.CommentId));
        }

        actions.AddRange(desired.Notices
            .Where(n => !own.Any(c => c.Body.StartsWith(n.Marker, StringComparison.Ordinal)))
            .Select(n => new IssueAction.PostComment(CommentRole.Notice, n.Body)));
        actions.AddRange(desired.Reactions.Where(r => !done.Contains(r.Key)).Select(r => new IssueAction.React(r)));
        if (desired.RosterPullRequestDraft is { } draft)
        {
            actions.Add(new IssueAction.OpenRosterPullRequest(draft));
        }

        if (desired.Close is { } close && !done.Contains(close.Key))
        {
            actions.Add(new IssueAction.CloseIssue(close));
        }

        return actions;
    }

    /// <summary>
    /// Whether a posted comment already says <paramref name="expected"/>: line endings and trailing
    /// space aside, since GitHub may hand back CRLF and trims the end.
    /// </summary>
    public static bool SameText(string posted, string expected) => Normalize(posted) == Normalize(expected);

    /// <summary>A comment's text as compared: LF line endings, no trailing space.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    private static IEnumerable<IssueAction> Upsert(CommentRole role, IssueComment? existing, string body, long? replyTo)
    {
        if (existing is null)
        {
            yield return new IssueAction.PostComment(role, body, replyTo);
        }
        else if (!SameText(existing.Body, body))
        {
            yield return new IssueAction.EditComment(role, existing, body, replyTo);
        }
    }
}
