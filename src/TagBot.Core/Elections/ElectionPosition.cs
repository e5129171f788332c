using TagBot.Core.Issues;
using TagBot.Core.Proposals;

namespace TagBot.Core.Elections;

/// <summary>A person's current position on one nominee: their latest <c>/support</c> or <c>/object</c> about them.</summary>
/// <param name="Binding">Whether the person is a voter: a holder of a role in <c>voters</c>, or listed in the <c>elections.electorate</c> file when the policy names one.</param>
public sealed record ElectionPosition(string Voter, string Nominee, Stance Stance, string? Reason, bool Binding, CommentRef Source);
