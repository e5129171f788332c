namespace TagBot.Core.Elections;

/// <summary>One region's line of <see cref="SeatsUp"/>.</summary>
/// <param name="Region">As the policy spells it.</param>
/// <param name="Cap">The region's maximum (<c>seats_per_region</c>), or null when uncapped.</param>
/// <param name="Continuing">Holders in the region whose term does not end before the next election.</param>
/// <param name="Up">Seats this election fills in the region (<c>Cap − Continuing</c>, at least 0), or null when uncapped.</param>
/// <param name="Minimum">The region's <c>min_per_region</c> (0 when none).</param>
public sealed record RegionSeats(string Region, int? Cap, int Continuing, int? Up, int Minimum);
