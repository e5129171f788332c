using TagBot.Core.Policies;

namespace TagBot.Core.Elections;

/// <summary>
/// The labels an election issue carries: <c>election/open</c> until the close, then
/// <c>election/closed</c>; <c>election/tie</c> while a tie waits; <c>triage-required</c> until triaged;
/// <c>roster/pr-open</c> while the roster pull request is open and <c>roster/updated</c> once merged.
/// </summary>
public static class ElectionLabels
{
    public static IReadOnlySet<string> Desired(ElectionTally tally, LabelNames labels)
    {
        var desired = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            tally.Stage == ElectionStage.Open ? labels.ElectionOpen : labels.ElectionClosed,
        };
        if (tally.Stage == ElectionStage.Tie)
        {
            desired.Add(labels.ElectionTie);
        }

        if (!tally.Triage.Done)
        {
            desired.Add(labels.Triage);
        }

        if (tally.Stage == ElectionStage.Closed)
        {
            switch (tally.PullRequest)
            {
                case RosterPullRequestState.Open:
                    desired.Add(labels.RosterPr);
                    break;
                case RosterPullRequestState.Merged:
                    desired.Add(labels.RosterUpdated);
                    break;
            }
        }

        return desired;
    }

    /// <summary>The labels TagBot adds and removes on election issues.</summary>
    public static IReadOnlySet<string> Managed(LabelNames labels) => new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        labels.Triage, labels.ElectionOpen, labels.ElectionTie, labels.ElectionClosed, labels.RosterPr, labels.RosterUpdated,
    };
}
