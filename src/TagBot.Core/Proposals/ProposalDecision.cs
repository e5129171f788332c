using TagBot.Core.Commands;
using TagBot.Core.Issues;

namespace TagBot.Core.Proposals;

/// <summary>A chair's final <c>/decide</c>: it ends the proposal whatever the tally says.</summary>
public sealed record ProposalDecision(Decision Decision, string Chair, string? Reason, CommentRef Source);
