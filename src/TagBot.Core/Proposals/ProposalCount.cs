using TagBot.Core.Policies;

namespace TagBot.Core.Proposals;

/// <summary>
/// The binding count of a proposal at one moment, against its thresholds: support (a count or a
/// share), quorum, and whether the voters who have not taken part could still change the outcome.
/// For that test a position already taken is final (as in GitVote): the remaining voters are those
/// of the electorate without a binding position.
/// </summary>
/// <param name="Voted">Voters holding a binding position.</param>
/// <param name="Electorate">Holders of the <c>voters</c> roles.</param>
public sealed record ProposalCount(int Supports, int Objections, int Voted, int Electorate)
{
    public int Cast => Supports + Objections;

    public int Remaining => Math.Max(0, Electorate - Voted);

    public static ProposalCount Of(IEnumerable<Position> positions, int electorate)
    {
        var binding = positions.Where(p => p.Binding).ToList();
        return new ProposalCount(binding.Count(p => p.Stance == Stance.Support), binding.Count(p => p.Stance == Stance.Object), binding.Count, electorate);
    }

    public int Needed(ProposalPolicy rules) => rules.Needed(Cast, Electorate);

    public int? QuorumNeeded(ProposalPolicy rules) => rules.Quorum?.Of(Electorate);

    public bool QuorumMet(ProposalPolicy rules) => QuorumNeeded(rules) is not { } q || Voted >= q;

    /// <summary>Consensus holds even if every remaining voter objects.</summary>
    public bool AcceptSettled(ProposalPolicy rules) =>
        Supports >= rules.Needed(Cast + Remaining, Electorate) && QuorumMet(rules)
        && (!rules.ObjectionsBlock || (Objections == 0 && Remaining == 0));

    /// <summary>Consensus cannot come even if every remaining voter supports.</summary>
    public bool RejectSettled(ProposalPolicy rules) =>
        Supports + Remaining < rules.Needed(Cast + Remaining, Electorate)
        || (QuorumNeeded(rules) is { } q && Voted + Remaining < q);

    /// <summary>Why the outcome is settled, for the decision's reason.</summary>
    public string Reasoning(ProposalPolicy rules, bool accepted) =>
        $"{Voted} of {Electorate} voters took part ({Supports} binding supports, {Objections} binding objections); "
        + (accepted
            ? $"even if the {Remaining} who have not taken part all objected, consensus would hold"
            : $"even if the {Remaining} who have not taken part all supported, the proposal could not reach {rules.DescribeSupport()}"
              + (QuorumNeeded(rules) is { } q ? $" and a quorum of {q}" : ""))
        + " (`proposals.close_when_decided`).";
}
