using TagBot.Core.Issues;

namespace TagBot.Core.Elections;

/// <summary>A valid <c>/break-tie</c>: the chair's pick, and who was tied when they made it.</summary>
/// <param name="Tied">The nominees of the tie the pick resolved (the pick among them).</param>
/// <param name="Seats">The seats that tie competed for.</param>
public sealed record TieBreakChoice(string Chair, string Nominee, IReadOnlyList<string> Tied, int Seats, CommentRef Source);
