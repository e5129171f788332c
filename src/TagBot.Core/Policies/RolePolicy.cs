namespace TagBot.Core.Policies;

/// <summary>
/// One entry of the <c>roles:</c> section: how a roster role is filled.
/// Region-keyed maps compare region names case-insensitively and, after loading, use the spelling of
/// <see cref="Policy.Regions"/>.
/// </summary>
/// <param name="TermMonths">Length of a term, in months (≥ 1).</param>
/// <param name="SeatsPerRegion">
/// Maximum seats per region; <c>null</c> means no per-region cap. A region missing from the map has no
/// cap either (see <see cref="CapFor"/>).
/// </param>
/// <param name="Seats">Alternative to <paramref name="SeatsPerRegion"/>: total seats, regions uncapped.</param>
/// <param name="MinPerRegion">Minimum representation per region, when candidates exist.</param>
/// <param name="MaxPerCompany">Maximum holders from one company, incumbents included; <c>null</c>: no limit.</param>
/// <param name="MaxConsecutiveTerms"><c>null</c>: re-election without limit.</param>
/// <param name="ElectionsPerYear">
/// 1, 2, 3, 4, 6 or 12: elections are evenly spaced <c>12 / ElectionsPerYear</c> months apart, and each
/// fills the seats free or expiring before the next one.
/// </param>
public sealed record RolePolicy(
    int TermMonths,
    IReadOnlyDictionary<string, int>? SeatsPerRegion,
    int? Seats,
    IReadOnlyDictionary<string, int> MinPerRegion,
    int? MaxPerCompany,
    int? MaxConsecutiveTerms,
    int ElectionsPerYear)
{
    public IReadOnlyDictionary<string, int>? SeatsPerRegion { get; init => field = RegionMap(value); } = RegionMap(SeatsPerRegion);

    public IReadOnlyDictionary<string, int> MinPerRegion { get; init => field = RegionMap(value)!; } = RegionMap(MinPerRegion)!;

    /// <summary>
    /// The template for a role the file adds (and the default <c>chair</c>): a 24-month term, one election a
    /// year, and no caps, minimums or limits.
    /// </summary>
    public static RolePolicy Template { get; } = new(
        TermMonths: 24,
        SeatsPerRegion: null,
        Seats: null,
        MinPerRegion: new Dictionary<string, int>(),
        MaxPerCompany: null,
        MaxConsecutiveTerms: null,
        ElectionsPerYear: 1);

    /// <summary>Months between two elections of this role.</summary>
    public int MonthsBetweenElections => 12 / ElectionsPerYear;

    /// <summary>The maximum seats of <paramref name="region"/>, or <c>null</c> when it has no cap.</summary>
    public int? CapFor(string region) =>
        SeatsPerRegion is not null && SeatsPerRegion.TryGetValue(region, out var cap) ? cap : null;

    /// <summary>The minimum representation of <paramref name="region"/> (0 when none is set).</summary>
    public int MinFor(string region) => MinPerRegion.TryGetValue(region, out var min) ? min : 0;

    private static IReadOnlyDictionary<string, int>? RegionMap(IReadOnlyDictionary<string, int>? map) =>
        map is null ? null : ValueCollections.Map(map, StringComparer.OrdinalIgnoreCase);
}
