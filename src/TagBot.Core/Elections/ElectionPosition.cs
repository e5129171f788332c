using TagBot.Core.Issues;
using TagBot.Core.Proposals;

namespace TagBot.Core.Elections;

/// <summary>A person's current position on one nominee: their latest <c>/support</c> or <c>/object</c> about them.</summary>
/// <param name="Binding">Whether the person is a voter (a holder of a role in <c>voters</c>).</param>
public sealed record ElectionPosition(string Voter, string Nominee, Stance Stance, string? Reason, bool Binding, CommentRef Source);
