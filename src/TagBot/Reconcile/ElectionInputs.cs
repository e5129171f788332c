using TagBot.Core.Elections.Record;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.GitHub;

namespace TagBot.Reconcile;

/// <summary>
/// An election's inputs: once frozen, the policy, roster and electorate file as they were at the record's commit
/// (read by SHA: immutable, so after the first read every one is a 304); before that, a new record
/// frozen now, from the default branch's tip, with the GitHub user ID of every roster person, listed voter and team member
/// (the members of the policy's GitHub teams are frozen in the record itself, as read at this pass). The roster
/// text a pull request edits stays the current one.
/// </summary>
public sealed class ElectionInputs(GovernanceSources sources)
{
    /// <summary>How many user IDs are looked up at once when an election freezes.</summary>
    private const int Lookups = 8;

    /// <returns>The record (null for an issue that is no election, or one closed before records existed) and the sources to decide with.</returns>
    public async Task<(ElectionRecord? Record, Sources Sources)> ReadAsync(
        IssueGateway issues, IssueSnapshot issue, Policy policy, Sources current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ElectionRecord.Applies(issue, policy))
        {
            return (null, current);
        }

        if (ElectionRecord.Find(issue) is { } record)
        {
            var frozen = await sources.LoadAsync(issues, cancellationToken, record.Commit);
            return frozen.Policy is null
                ? (record, current with { Warnings = [.. frozen.Warnings, "TagBot counts with the current files until the frozen ones can be read.", .. current.Warnings] })
                : (record, Frozen(frozen, current) with { Teams = record.FrozenTeams(frozen.Policy) });
        }

        if (!ElectionRecord.Needed(issue, policy))
        {
            return (null, current);
        }

        var commit = await issues.HeadCommitAsync();
        var atCommit = await sources.LoadAsync(issues, cancellationToken, commit);
        if (atCommit.Policy is null)
        {
            // The files at the tip do not load: nothing trustworthy to freeze; the next pass tries again.
            return (null, current);
        }

        if (atCommit.ElectorateMissing)
        {
            // Frozen now, the election would keep a voterless electorate to its close, whatever the fix: it waits for
            // the file instead (deadlines set as durations count from the freeze), counting nobody as binding meanwhile.
            return (null, current with
            {
                Warnings = [.. current.Warnings,
                $"This election is not frozen yet: TagBot freezes it, with the voters `{atCommit.Policy.Elections.Electorate!.Path}` lists, "
                + "at the first pass after the file loads."]
            });
        }

        if (FrozenTeams.Of(atCommit.Policy, current) is not { } teams)
        {
            // As with an electorate file: frozen now, the election would keep a team without its members to its close.
            return (null, current with
            {
                Warnings = [.. current.Warnings,
                "This election is not frozen yet: TagBot freezes it, with the members of the GitHub teams its policy names, at the first pass "
                + "after every one of them can be read."]
            });
        }

        var logins = ElectionRecord.LoginsOf(atCommit.Roster, atCommit.Electorate, teams.Members);
        var ids = new long?[logins.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, logins.Count), new ParallelOptions { MaxDegreeOfParallelism = Lookups, CancellationToken = cancellationToken },
            async (i, _) => ids[i] = current.TeamIds.TryGetValue(logins[i], out var id) ? id : await issues.UserIdAsync(logins[i]));
        var people = logins.Select((login, i) => new FrozenPerson(login, ids[i])).ToList();
        return (ElectionRecord.Freeze(commit, atCommit.Files, now, people, issue.Body, atCommit.Policy.Elections, teams.Members),
            Frozen(atCommit, current) with { Teams = teams });
    }

    /// <summary>The frozen files with the current roster text; a current team's read failure is moot once its members are frozen.</summary>
    private static Sources Frozen(Sources frozen, Sources current) =>
        frozen with { RosterText = current.RosterText, Warnings = [.. frozen.Warnings.Union(current.Warnings.Except(current.TeamWarnings))] };
}
