using TagBot.Core.Commands;
using TagBot.Core.Elections.Record;
using TagBot.Core.Governance;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>
/// An election's desired state: labels, the status comment, feedback, the result comment once
/// closed, the roster pull request once final, and the issue's end when that pull request is merged.
/// </summary>
public static class ElectionDecision
{

    public static DesiredState Decide(DecisionInput input, Authority authority, bool seenBefore)
    {
        var issue = input.Issue;
        var record = input.Record;
        var identities = Identities.Of(record, issue);
        var context = new ElectionContext(issue.Body, seenBefore, input.PullRequest) { Record = record, Identities = identities, Ballots = input.Ballots };
        var tally = ElectionEngine.Tally(authority, identities.Apply(issue), context, input.Now, () => HelpText.Render(IssueKind.Election));
        if (tally.Secret is { AwaitingBallots: true })
        {
            // Closed, with the ballots still sealed in the host's box: it seals the box and decides again with them.
            return DesiredState.Nothing with { SealBallots = true };
        }

        // The pull request read belongs to an earlier round when a reopening is not acknowledged yet:
        // it is closed below, and this round has none so far.
        var pullRequest = input.PullRequestRound == tally.Round ? input.PullRequest : RosterPullRequestState.None;
        tally = tally with { PullRequest = pullRequest };
        var warnings = input.Warnings.ToList();
        var notices = new List<Notice>();
        if (record is not null)
        {
            tally = tally with { Frozen = FrozenView.Of(record, issue, input.CurrentFiles, identities, input.CurrentTeams) };
            if (ElectionRecord.CommentOf(issue) is null)
            {
                notices.Add(new Notice(Markers.ElectionRecord, ElectionRecordText.Render(record, authority)));
            }
        }

        tally = tally with { Digest = ResultDigest.Of(tally, issue, record) };
        var publishedAt = tally.Secret is not null && tally.Outcome is { IsFinal: true } && !tally.BelowQuorum
            ? Voting.BallotPublication.CsvPath(input.Policy, issue.Number)
            : null;
        if (ElectionResult.Key(tally) is { } key && ElectionResult.Render(tally, publishedAt) is { } result)
        {
            notices.Add(new Notice(ElectionResult.Marker(key), result));
            if (Tampered(issue, key, record) is { } tampered)
            {
                warnings.Insert(0, tampered);
            }
        }

        RosterPullRequestDraft? proposal = null;
        Closure? close = null;
        var labels = new HashSet<string>(ElectionLabels.Desired(tally, input.Policy.Labels), StringComparer.OrdinalIgnoreCase);
        RosterPullRequestClosure? undone = null;
        foreach (var reopening in tally.Reopenings)
        {
            notices.Add(new Notice(Markers.ElectionReopened(reopening.Source.Id), ReopeningText(reopening, input.Policy)));
        }

        if (input.PullRequestRound < tally.Round && input.PullRequest == RosterPullRequestState.Open)
        {
            var reopening = tally.Reopenings[input.PullRequestRound - 1];
            undone = new RosterPullRequestClosure(new RosterBranch(issue.Number, input.PullRequestRound).Name,
                $"@{reopening.Chair} reopened the election in {reopening.Source.Url}: {reopening.Reason}\n\n"
                + "This pull request records a result that no longer stands, so TagBot closes it. The next close opens a new one.");
        }

        if (tally.Stage == ElectionStage.Closed && tally.Outcome is { IsFinal: true } && !tally.BelowQuorum && pullRequest == RosterPullRequestState.None)
        {
            var (prepared, errors, unchanged) = input.RosterText is { } text
                ? RosterPullRequestDrafter.Prepare(tally, input.Policy, input.Roster, text, issue)
                : (null, [], false);
            proposal = prepared is not null && tally.Secret is { } vote ? prepared with { Published = Voting.BallotPublication.Files(vote, input.Policy, issue, tally.Outcome.Seats.Count) } : prepared;
            if (proposal is not null)
            {
                // The host opens it in this same pass.
                labels.Add(input.Policy.Labels.RosterPr);
            }
            else if (unchanged)
            {
                notices.Add(new Notice(Markers.RosterUnchanged, Markers.RosterUnchanged + $"\n`{input.Policy.Roster.Path}` already records this result: "
                    + "nobody is seated, re-seated for a new term or retired by it, so TagBot opens no roster pull request. Closing this election.\n"));
                close = issue.IsOpen ? new Closure("roster-unchanged", Completed: true) : null;
            }
            else
            {
                warnings.Add("The roster pull request cannot be prepared"
                    + (errors.Count == 0 ? ": the roster file could not be read." : ":\n" + string.Join("\n", errors.Select(e => $"- `{e}`"))));
            }
        }

        switch (pullRequest)
        {
            case RosterPullRequestState.Merged:
                notices.Add(new Notice(Markers.RosterMerged, Markers.RosterMerged + "\nThe roster pull request for this election was merged: "
                    + $"`{input.Policy.Roster.Path}` now records the result. Closing this election.\n"));
                close = issue.IsOpen ? new Closure("roster-merged", Completed: true) : null;
                break;
            case RosterPullRequestState.ClosedUnmerged:
                notices.Add(new Notice(Markers.RosterClosed, Markers.RosterClosed + "\nThe roster pull request for this election was "
                    + $"closed without merging, so `{input.Policy.Roster.Path}` is unchanged. The result above stands; reopen the "
                    + "pull request to record it.\n"));
                break;
        }

        var (reactions, replies) = Feedback.For(tally.Verdicts);
        return new DesiredState(labels, new HashSet<string>(ElectionLabels.Managed(input.Policy.Labels), StringComparer.OrdinalIgnoreCase),
            ElectionStatus.Render(tally, authority, warnings), reactions, replies, close)
        {
            Notices = notices,
            RosterPullRequestDraft = proposal,
            RosterPullRequestClosure = undone,
            BallotPage = tally.Secret is { } secret ? Voting.BallotPages.Of(tally, secret, authority, issue, record) : null,
        };
    }

    /// <summary>
    /// A warning when counted comments changed after the result comment was posted: that comment is
    /// the record and stands; the tally shown below is recomputed from the comments as they are now.
    /// </summary>
    private static string? Tampered(Issues.IssueSnapshot issue, long key, ElectionRecord? record)
    {
        var posted = issue.Comments.Where(c => c.ByTagBot && c.Body.StartsWith(ElectionResult.Marker(key), StringComparison.Ordinal))
            .OrderBy(c => c.CreatedAt).FirstOrDefault();
        if (posted is null || ResultDigest.Parse(posted.Body) is not { } digest || digest.Changes(issue, posted.CreatedAt, record) is not { Count: > 0 } changes)
        {
            return null;
        }

        return $"Counted comments changed after {Markdown.Link("the result", posted.Url)} was posted: "
            + string.Join(", ", changes.Select(c => c.Url is null ? $"comment {c.CommentId} {c.What}" : $"{Markdown.Link($"comment {c.CommentId}", c.Url)} {c.What}"))
            + ". The posted result is the record and stands (its digest covers the comments as they were); the tally below is "
            + "recomputed from the comments as they are now. `tagbot audit` reports the same.";
    }

    private static string ReopeningText(Reopening reopening, Policies.Policy policy) =>
        Markers.ElectionReopened(reopening.Source.Id) + $"\n@{reopening.Chair} reopened this election in "
        + $"{Markdown.Link("this comment", reopening.Source.Url)}: {reopening.Reason}\n\nThe result of the close it undid "
        + $"({reopening.Undone.Describe()}) no longer stands, and its roster pull request, if any, is closed. Nominations and positions count "
        + $"again as before the close; what was refused after the close stays uncounted. The next close posts a new result "
        + $"and a new roster pull request for `{policy.Roster.Path}`.\n";
}
