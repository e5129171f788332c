using TagBot.Core.Commands;
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
        var tally = ElectionEngine.Tally(authority, issue, new ElectionContext(issue.Body, seenBefore, input.PullRequest), input.Now,
            () => HelpText.Render(IssueKind.Election));
        var warnings = input.Warnings.ToList();
        var notices = new List<Notice>();
        if (ElectionResult.Key(tally) is { } key && ElectionResult.Render(tally) is { } result)
        {
            notices.Add(new Notice(ElectionResult.Marker(key), result));
        }

        RosterPullRequestDraft? proposal = null;
        Closure? close = null;
        var labels = new HashSet<string>(ElectionLabels.Desired(tally, input.Policy.Labels), StringComparer.OrdinalIgnoreCase);
        if (tally.Stage == ElectionStage.Closed && tally.Outcome is { IsFinal: true } && input.PullRequest == RosterPullRequestState.None)
        {
            var (prepared, errors, unchanged) = input.RosterText is { } text
                ? RosterPullRequestDrafter.Prepare(tally, input.Policy, input.Roster, text, issue)
                : (null, [], false);
            proposal = prepared;
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

        switch (input.PullRequest)
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
        };
    }
}
