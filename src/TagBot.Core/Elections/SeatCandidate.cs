namespace TagBot.Core.Elections;

/// <summary>A nominee as <see cref="SeatAllocator"/> sees them.</summary>
/// <param name="GitHub">Login; unique among the candidates (case-insensitively).</param>
/// <param name="Region">The region the nominee stands in, spelled as the policy spells it; null when the policy has no regions.</param>
/// <param name="Company">Employer from the roster, for <c>max_per_company</c>; null when unknown (then no company limit applies).</param>
/// <param name="Supports">Binding supports: the ranking key.</param>
/// <param name="NominationOrder">Order of the nomination on the issue (smaller is earlier); breaks ties under <c>earliest-nomination</c>.</param>
/// <param name="Unelectable">Why the nominee cannot be elected, or null when electable.</param>
public sealed record SeatCandidate(string GitHub, string? Region, string? Company, int Supports, int NominationOrder, string? Unelectable = null)
{
    public bool Electable => Unelectable is null;
}
