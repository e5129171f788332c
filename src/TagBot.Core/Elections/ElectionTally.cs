using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Proposals;

namespace TagBot.Core.Elections;

/// <summary>The whole computed state of an election at one moment, from which labels, text and the roster change follow.</summary>
/// <param name="Stage">Open, tied or closed.</param>
/// <param name="Role">The role elected (from the issue body or <c>elections.role</c>).</param>
/// <param name="Rules">The election rules applied (<c>elections:</c> of the policy).</param>
/// <param name="Problems">What stops the election from closing (an unknown role); shown at the top of the status.</param>
/// <param name="SeatsUp">The seats up; null when the role is unknown.</param>
/// <param name="Electorate">Whose positions are binding.</param>
/// <param name="Nominees">Every nomination in nomination order, with counts and electability (as of the close once closed).</param>
/// <param name="Positions">Each person's current position per nominee, by comment time.</param>
/// <param name="Uncounted">Positions and commands that do not count (withdrawn, after the close), by comment time.</param>
/// <param name="Triage">Whether a chair or lead triaged the issue.</param>
/// <param name="TieBreaks">Valid <c>/break-tie</c> picks, in order.</param>
/// <param name="Provisional">While open: who would be elected if the election closed now (null when the role is unknown or once closed).</param>
/// <param name="Outcome">Once closed: the result as of the close.</param>
/// <param name="Missing">What the election still needs (empty once closed with a final result); <paramref name="Problems"/> are not repeated here.</param>
/// <param name="PullRequest">The roster pull request's state, as the host gave it.</param>
/// <param name="Verdicts">What became of each command, for feedback.</param>
public sealed record ElectionTally(
    ElectionStage Stage,
    string Role,
    ElectionPolicy Rules,
    IReadOnlyList<string> Problems,
    SeatsUp? SeatsUp,
    Electorate Electorate,
    IReadOnlyList<NomineeRow> Nominees,
    IReadOnlyList<ElectionPosition> Positions,
    IReadOnlyList<Uncounted> Uncounted,
    Triage Triage,
    IReadOnlyList<TieBreakChoice> TieBreaks,
    SeatAllocation? Provisional,
    ElectionOutcome? Outcome,
    IReadOnlyList<string> Missing,
    RosterPullRequestState PullRequest,
    IReadOnlyList<Verdict> Verdicts)
{
    public ElectionClose? Close => Outcome?.Close;

    /// <summary>The election's deadlines (none before the freeze).</summary>
    public Phases.ElectionPhases Phases { get; init; } = Elections.Phases.ElectionPhases.None;

    /// <summary>Who of the electorate took part, against the quorum.</summary>
    public Turnout Turnout { get; init; } = new(0, 0, null, null);

    /// <summary>Closed, final, and below quorum: nobody is elected and no roster pull request is opened.</summary>
    public bool BelowQuorum => Outcome is { IsFinal: true } && !Turnout.Met;

    /// <summary>Once final: the digest over the counted inputs, which the result comment and the roster pull request carry.</summary>
    public Record.ResultDigest? Digest { get; init; }

    /// <summary>Every valid <c>/reopen-election</c>, oldest first: the history the status keeps.</summary>
    public IReadOnlyList<Reopening> Reopenings { get; init; } = [];

    /// <summary>The round of the vote: 1, plus one per reopening. Each round's result has its own roster pull request branch.</summary>
    public int Round => Reopenings.Count + 1;

    /// <summary>The frozen record as the status shows it; null before the freeze (or for an election older than records).</summary>
    public Record.FrozenView? Frozen { get; init; }

    /// <summary>With <c>elections.ballot: secret</c>: the ballot's phase, candidates, who voted, and once closed the count.</summary>
    public Voting.SecretVote? Secret { get; init; }

    /// <summary>The allocation to show: the result once closed, else the provisional one.</summary>
    public SeatAllocation? Allocation => Outcome?.Allocation ?? Provisional;
}
