using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Status;
using TagBot.GitHub;
using TagBot.Inbox;

namespace TagBot.Reconcile;

/// <summary>
/// Applies the difference between what GitHub shows and what the core wants, and nothing more:
/// a second run on the same state makes no request. Comments are found again by their markers and
/// edited in place; reactions and closes are remembered in the ledger so they happen once.
/// </summary>
public sealed class IssueDiff(ILedger ledger)
{
    public async Task<int> ApplyAsync(
        IssueGateway gateway, PullRequestGateway pullRequests, IssueSnapshot issue, DesiredState desired, LabelNames names, CancellationToken cancellationToken)
    {
        var actions = 0;
        var lane = LaneKey.For(issue.Repository, issue.Number);

        var toAdd = desired.Labels.Where(l => !issue.HasLabel(l)).ToList();
        if (toAdd.Count > 0)
        {
            await gateway.AddLabelsAsync(issue.Number, toAdd, names);
            actions++;
        }

        foreach (var label in issue.Labels.Where(l => desired.ManagedLabels.Contains(l) && !desired.Labels.Contains(l)))
        {
            await gateway.RemoveLabelAsync(issue.Number, label);
            actions++;
        }

        var own = issue.Comments.Where(c => c.ByTagBot).ToList();
        if (desired.StatusComment is { } status)
        {
            actions += await UpsertAsync(gateway, issue.Number, own.FirstOrDefault(c => Markers.IsStatus(c.Body)), status);
        }

        var replies = own.Where(c => Markers.RepliedTo(c.Body) is not null).GroupBy(c => Markers.RepliedTo(c.Body)!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var reply in desired.Replies)
        {
            actions += await UpsertAsync(gateway, issue.Number, replies.GetValueOrDefault(reply.CommentId), reply.Body);
        }

        foreach (var notice in desired.Notices.Where(n => !own.Any(c => c.Body.StartsWith(n.Marker, StringComparison.Ordinal))))
        {
            await gateway.CreateCommentAsync(issue.Number, notice.Body);
            actions++;
        }

        var done = await ledger.KeysAsync(lane, cancellationToken);
        var recorded = new List<string>();
        try
        {
            foreach (var reaction in desired.Reactions.Where(r => !done.Contains(r.Key)))
            {
                await gateway.ReactAsync(reaction.CommentId, reaction.Kind);
                recorded.Add(reaction.Key);
                actions++;
            }

            if (desired.RosterPullRequestDraft is { } proposal)
            {
                actions += await OpenRosterPullRequestAsync(pullRequests, proposal, done, recorded);
            }

            if (desired.Close is { } close && !done.Contains(close.Key))
            {
                await gateway.CloseAsync(issue.Number, close.Completed);
                recorded.Add(close.Key);
                actions++;
            }
        }
        finally
        {
            // Recorded even when a later action failed, so a retry does not repeat what landed.
            await ledger.RecordAsync(lane, recorded, CancellationToken.None);
        }

        return actions;
    }

    /// <summary>
    /// Opens the roster pull request unless one exists for the branch in any state: the branch is
    /// created if missing and committed to only when its file differs, so a retried or redelivered
    /// close never makes a second commit or a second pull request.
    /// </summary>
    internal static async Task<int> OpenRosterPullRequestAsync(
        PullRequestGateway pullRequests, RosterPullRequestDraft proposal, IReadOnlySet<string> done, List<string> recorded)
    {
        var actions = 0;
        var existing = await pullRequests.FindAsync(proposal.Branch);
        if (existing is null)
        {
            var baseBranch = await pullRequests.DefaultBranchAsync();
            await pullRequests.EnsureBranchAsync(proposal.Branch, baseBranch);
            if (await pullRequests.CommitIfChangedAsync(proposal.Path, proposal.Branch, proposal.Text, proposal.CommitMessage))
            {
                actions++;
            }

            existing = await pullRequests.CreateAsync(proposal.Branch, baseBranch, proposal.Title, proposal.Body);
            actions++;
        }

        var key = $"reviewers:{existing.Number}";
        if (!done.Contains(key) && existing.State.StringValue == "open")
        {
            await pullRequests.RequestReviewAsync(existing.Number, proposal.Reviewers);
            recorded.Add(key);
            actions++;
        }

        return actions;
    }

    private static async Task<int> UpsertAsync(IssueGateway gateway, int number, IssueComment? existing, string body)
    {
        if (existing is null)
        {
            await gateway.CreateCommentAsync(number, body);
            return 1;
        }

        if (Normalize(existing.Body) == Normalize(body))
        {
            return 0;
        }

        await gateway.UpdateCommentAsync(existing.Id, body);
        return 1;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
