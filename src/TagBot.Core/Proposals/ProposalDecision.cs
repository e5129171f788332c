using TagBot.Core.Commands;
using TagBot.Core.Issues;

namespace TagBot.Core.Proposals;

/// <summary>
/// A chair's final <c>/decide</c>: it ends the proposal whatever the tally says. With
/// <c>close_when_decided</c>, TagBot's own decision once the outcome is settled (then
/// <see cref="Chair"/> is empty and <see cref="Source"/> points at the issue, at that moment).
/// </summary>
public sealed record ProposalDecision(Decision Decision, string Chair, string? Reason, CommentRef Source)
{
    public bool BySettlement => Chair.Length == 0;
}
