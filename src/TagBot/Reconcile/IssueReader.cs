using TagBot.Core.Elections;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.GitHub;

namespace TagBot.Reconcile;

/// <summary>
/// Reads everything a decision about one issue needs, the same way for the bot and for
/// <c>audit</c>: the issue, the policy, the roster, the comments and, once the core says it
/// matters, the roster pull request.
/// </summary>
public sealed class IssueReader(GovernanceSources sources, ElectionInputs elections)
{
    /// <param name="wakeup">What woke TagBot; an issue it does not concern is not read further. Null: read it whatever it is.</param>
    /// <returns>Null when the issue is gone or is a pull request.</returns>
    public async Task<IssueReading?> ReadAsync(
        IssueGateway issues, PullRequestGateway pullRequests, int number, string? ownLogin, Wakeup? wakeup, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Independent reads run together: the issue with the policy, then the roster with the comments (each
        // waits only for what it needs). Policy and roster share one root listing, so with the comment delta and
        // its count a command costs four round trips up to its reaction (docs/performance.md, latency).
        var reading = issues.ReadIssueAsync(number);
        var policyLoad = sources.LoadPolicyAsync(issues, cancellationToken);
        var issue = await reading;
        var loaded = await policyLoad;
        if (issue is null)
        {
            return null;
        }

        if (wakeup is not null && !wakeup.Concerns(loaded.Policy ?? Core.Policies.Policy.Default, issue.Labels))
        {
            return new IssueReading(issue, loaded, null) { Concerned = false };
        }

        var rosterLoad = sources.WithRosterAsync(issues, loaded, cancellationToken);
        var snapshot = await issues.WithCommentsAsync(issue, ownLogin, cancellationToken);
        loaded = await rosterLoad;
        if (loaded.Policy is not { } policy)
        {
            return new IssueReading(snapshot, loaded, null);
        }

        if (snapshot.HasLabel(policy.Elections.Label))
        {
            loaded = await sources.WithElectorateAsync(issues, loaded, cancellationToken);
        }

        loaded = await TeamSources.WithTeamsAsync(issues, loaded, cancellationToken);
        var branch = RosterBranch.ToRead(snapshot, policy);
        var pullRequest = branch is { } b ? RosterBranch.StateOf(await pullRequests.FindAsync(b.Name)) : RosterPullRequestState.None;
        var (record, counted) = await elections.ReadAsync(issues, snapshot, policy, loaded, now, cancellationToken);
        return new IssueReading(snapshot, counted, new DecisionInput(counted.Policy ?? policy, counted.Roster, snapshot, now, counted.Warnings)
        {
            Electorate = counted.Electorate,
            Teams = counted.Teams,
            CurrentTeams = loaded.Teams,
            RosterText = counted.RosterText,
            PullRequest = pullRequest,
            PullRequestRound = branch?.Round ?? 1,
            Record = record,
            CurrentFiles = loaded.Files,
        });
    }
}

/// <summary>An issue as read for a decision.</summary>
/// <param name="Input">What the decider reads; null when no valid policy lets TagBot act.</param>
public sealed record IssueReading(IssueSnapshot Issue, Sources Sources, DecisionInput? Input)
{
    /// <summary>False when what woke TagBot does not concern the issue: it was not read in full.</summary>
    public bool Concerned { get; init; } = true;

    /// <summary>
    /// The decision, or, when the decider throws, a status comment saying so (<paramref name="error"/> is then
    /// the exception, for the log): one issue's failure must not leave it silent, retried for ever.
    /// </summary>
    public DesiredState Decide(out Exception? error)
    {
        error = null;
        if (Input is null)
        {
            return IssueDecider.CannotAct(Issue, Sources.Warnings);
        }

        try
        {
            return IssueDecider.Decide(Input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e;
            return IssueDecider.Failed(Issue, Sources.Warnings, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
