namespace TagBot.Core.Elections;

/// <summary>What one election may fill: the hard limits (region caps, total seats, <c>max_per_company</c>) and the regions' minimums.</summary>
/// <param name="RegionSeats">Seats up per capped region; a region that is not listed has no cap. Compared case-insensitively.</param>
/// <param name="TotalSeats">Seats up over all regions, or null when there is no total.</param>
/// <param name="MaxPerCompany">Most holders of the role from one company after the election (continuing holders included), or null.</param>
/// <param name="MinPerRegion">Minimum holders per region after the election (continuing holders count toward it).</param>
/// <param name="Continuing">Holders who keep their seat through this election.</param>
public sealed record SeatLimits(
    IReadOnlyDictionary<string, int> RegionSeats,
    int? TotalSeats,
    int? MaxPerCompany,
    IReadOnlyDictionary<string, int> MinPerRegion,
    IReadOnlyList<Incumbent> Continuing)
{
    /// <summary>No caps, minimums or company limit: everyone electable is elected.</summary>
    public static SeatLimits Unlimited { get; } = new(new Dictionary<string, int>(), null, null, new Dictionary<string, int>(), []);
}
