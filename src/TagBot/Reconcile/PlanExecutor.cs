using TagBot.Core.Governance;
using TagBot.Core.Governance.Changes;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.GitHub;
using TagBot.Inbox;

namespace TagBot.Reconcile;

/// <summary>
/// Carries out the core's <see cref="ChangePlan"/> through the gateways, in its order (reactions alongside), and
/// nothing more: a second run on the same state makes no request. Reactions, closes and review
/// requests are remembered in the ledger (GitHub cannot show them cheaply) so they happen once.
/// </summary>
public sealed class PlanExecutor(ILedger ledger)
{
    public async Task<int> ExecuteAsync(
        IssueGateway gateway, PullRequestGateway pullRequests, IssueSnapshot issue, DesiredState desired, LabelNames names, CancellationToken cancellationToken)
    {
        var lane = LaneKey.For(issue.Repository, issue.Number);
        var done = await ledger.KeysAsync(lane, cancellationToken);
        var recorded = new List<string>();
        var actions = 0;
        var plan = ChangePlan.For(issue, desired, done).ToList();
        var reactions = plan.OfType<IssueAction.React>().ToList();
        var reacting = Task.CompletedTask;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Reactions are what a commenter waits for and touch nothing else the plan does: they go out at once,
            // alongside the rest, which keeps its order (docs/performance.md, latency).
            reacting = Task.WhenAll(reactions.Select(r => gateway.ReactAsync(r.Reaction.CommentId, r.Reaction.Kind)));
            foreach (var action in plan.Where(a => a is not IssueAction.React))
            {
                // A worker that lost its lease stops before its next write (Octokit takes no token).
                cancellationToken.ThrowIfCancellationRequested();
                actions += await ExecuteAsync(gateway, pullRequests, issue.Number, action, names, done, recorded);
            }

            await reacting;
            actions += reactions.Count;
        }
        finally
        {
            await reacting.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            if (reacting.IsCompletedSuccessfully)
            {
                recorded.AddRange(reactions.Select(r => r.Reaction.Key));
            }

            // Recorded even when a later action failed, so a retry does not repeat what landed.
            await ledger.RecordAsync(lane, recorded, CancellationToken.None);
        }

        return actions;
    }

    /// <summary>
    /// Opens a roster pull request unless one exists for the branch in any state: the branch is
    /// created if missing and committed to only when its file differs, so a retried or redelivered
    /// close never makes a second commit or a second pull request.
    /// </summary>
    internal static async Task<int> OpenRosterPullRequestAsync(
        PullRequestGateway pullRequests, RosterPullRequestDraft draft, IReadOnlySet<string> done, List<string> recorded)
    {
        var actions = 0;
        var existing = await pullRequests.FindAsync(draft.Branch);
        if (existing is null)
        {
            var baseBranch = await pullRequests.DefaultBranchAsync();
            await pullRequests.EnsureBranchAsync(draft.Branch, baseBranch);
            if (await pullRequests.CommitIfChangedAsync(draft.Path, draft.Branch, draft.Text, draft.CommitMessage))
            {
                actions++;
            }

            // A secret ballot's anonymized ballots go beside the roster change, each file committed only when it differs.
            foreach (var file in draft.Published)
            {
                if (await pullRequests.CommitIfChangedAsync(file.Path, draft.Branch, file.Text, file.CommitMessage))
                {
                    actions++;
                }
            }

            existing = await pullRequests.CreateAsync(draft.Branch, baseBranch, draft.Title, draft.Body);
            actions++;
        }

        var key = $"reviewers:{existing.Number}";
        if (!done.Contains(key) && existing.IsOpen)
        {
            await pullRequests.RequestReviewAsync(existing.Number, draft.Reviewers);
            recorded.Add(key);
            actions++;
        }

        return actions;
    }

    private static async Task<int> ExecuteAsync(
        IssueGateway gateway, PullRequestGateway pullRequests, int number, IssueAction action, LabelNames names,
        IReadOnlySet<string> done, List<string> recorded)
    {
        switch (action)
        {
            case IssueAction.AddLabels add:
                await gateway.AddLabelsAsync(number, add.Labels, names);
                return 1;
            case IssueAction.RemoveLabel remove:
                await gateway.RemoveLabelAsync(number, remove.Label);
                return 1;
            case IssueAction.PostComment post:
                await gateway.CreateCommentAsync(number, post.Body);
                return 1;
            case IssueAction.EditComment edit:
                await gateway.UpdateCommentAsync(edit.Existing.Id, edit.Body);
                return 1;
            case IssueAction.React react:
                await gateway.ReactAsync(react.Reaction.CommentId, react.Reaction.Kind);
                recorded.Add(react.Reaction.Key);
                return 1;
            case IssueAction.OpenRosterPullRequest open:
                return await OpenRosterPullRequestAsync(pullRequests, open.Draft, done, recorded);
            case IssueAction.CloseRosterPullRequest undo:
                await pullRequests.CloseWithCommentAsync(undo.Closure.Branch, undo.Closure.Comment);
                recorded.Add(undo.Closure.Key);
                return 1;
            case IssueAction.CloseIssue close:
                await gateway.CloseAsync(number, close.Closure.Completed);
                recorded.Add(close.Closure.Key);
                return 1;
            default:
                throw new InvalidOperationException($"No way to carry out {action}.");
        }
    }
}
