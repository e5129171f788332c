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
    public async Task<int> ApplyAsync(IssueGateway gateway, IssueSnapshot issue, DesiredState desired, LabelNames names, CancellationToken cancellationToken)
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

        var own = issue.Comments.Where(c => c.AuthorIsBot).ToList();
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
