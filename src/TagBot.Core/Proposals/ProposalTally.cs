using TagBot.Core.Governance;

namespace TagBot.Core.Proposals;

/// <summary>The whole computed state of a proposal at one moment, from which labels and text follow.</summary>
public sealed record ProposalTally(
    ProposalStage Stage,
    Triage Triage,
    ProposalDecision? Decision,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<Uncounted> Uncounted,
    DateTimeOffset DiscussionEnds,
    IReadOnlyList<string> Missing,
    IReadOnlyList<Verdict> Verdicts)
{
    /// <summary>The binding count against the thresholds (support, quorum).</summary>
    public ProposalCount Count { get; init; } = new(0, 0, 0, 0);

    public IEnumerable<Position> Binding(Stance stance) => Positions.Where(p => p.Binding && p.Stance == stance);

    public IEnumerable<Position> NonBinding(Stance stance) => Positions.Where(p => !p.Binding && p.Stance == stance);
}
