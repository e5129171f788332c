using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>A holder of the election's role, with what the roster says about them.</summary>
/// <param name="Region">The holder's region in the roster (policy spelling), or null when the roster gives none or one the policy does not list.</param>
/// <param name="Company">The holder's company in the roster, or null.</param>
/// <param name="Term">The holder's current term, or null when the roster gives none (such a holder never expires).</param>
public sealed record Incumbent(string GitHub, string? Region, string? Company, Term? Term);
