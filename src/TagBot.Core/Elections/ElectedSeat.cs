using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>A seat for the roster pull request: the elected and their new term.</summary>
/// <param name="Term">Starts on the UTC date of the comment that made the result final; ends <c>term_months</c> later.</param>
/// <param name="Reelected">The roster already lists them under the role (an incumbent): their entry's term is replaced, not a new entry added.</param>
/// <param name="Rank">Their rank among the electable nominees.</param>
public sealed record ElectedSeat(string Role, string GitHub, string? Region, string? Company, Term Term, bool Reelected, int Rank);
