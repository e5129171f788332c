using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// The seats one election of a role fills, from the roster's terms as of the
/// issue's creation date.
/// </summary>
/// <remarks>
/// <para>The next election is <c>12 / elections_per_year</c> months after the creation date. A holder
/// <b>continues</b> when their term does not end before it (or has no end: a holder without a term never
/// expires); the others are <b>expiring</b>: their seats are up, and they must be nominated like anyone
/// else to keep them.</para>
/// <para>"As of the creation date": a holder whose term starts on or after that date was seated by this
/// election or a later one, so they are left out. This keeps the seats up of a closed election the same
/// after its roster pull request is merged.</para>
/// <para>A holder's region is their region in the roster's <c>people</c>; a holder without one (or with a
/// region the policy does not list) counts only toward the total.</para>
/// </remarks>
/// <param name="Role">The role elected.</param>
/// <param name="AsOf">The creation date (UTC).</param>
/// <param name="NextElection">The date of the next election of the role.</param>
/// <param name="Regions">One line per policy region, in the policy's order.</param>
/// <param name="TotalCap">The role's total <c>seats</c>, or null.</param>
/// <param name="TotalUp">Seats up over all regions under <paramref name="TotalCap"/>, or null.</param>
/// <param name="Continuing">Holders who keep their seat through this election.</param>
/// <param name="Expiring">Holders whose term ends before the next election.</param>
/// <param name="MaxPerCompany">The role's <c>max_per_company</c>.</param>
public sealed record SeatsUp(
    string Role,
    DateOnly AsOf,
    DateOnly NextElection,
    IReadOnlyList<RegionSeats> Regions,
    int? TotalCap,
    int? TotalUp,
    IReadOnlyList<Incumbent> Continuing,
    IReadOnlyList<Incumbent> Expiring,
    int? MaxPerCompany)
{
    /// <summary>Whether no cap limits this election: everyone electable is elected (company limits aside).</summary>
    public bool Uncapped => TotalCap is null && Regions.All(r => r.Cap is null);

    public static SeatsUp Compute(Policy policy, string role, RolePolicy rules, Roster roster, DateOnly asOf)
    {
        var next = asOf.AddMonths(rules.MonthsBetweenElections);
        var continuing = new List<Incumbent>();
        var expiring = new List<Incumbent>();
        var seen = new HashSet<string>(Login.Comparer);
        foreach (var holder in roster.HoldersOf(role))
        {
            if (holder.Term is { } t && t.Start >= asOf || !seen.Add(holder.GitHub))
            {
                continue;
            }

            var incumbent = IncumbentOf(policy, roster, holder);
            (holder.Term is { } term && term.End < next ? expiring : continuing).Add(incumbent);
        }

        var regions = policy.Regions
            .Select(region =>
            {
                var cap = rules.CapFor(region);
                var held = continuing.Count(h => string.Equals(h.Region, region, StringComparison.OrdinalIgnoreCase));
                return new RegionSeats(region, cap, held, cap is { } c ? Math.Max(0, c - held) : null, rules.MinFor(region));
            })
            .ToList();
        return new SeatsUp(
            role,
            asOf,
            next,
            regions,
            rules.Seats,
            rules.Seats is { } total ? Math.Max(0, total - continuing.Count) : null,
            continuing,
            expiring,
            rules.MaxPerCompany);
    }

    /// <summary>The limits <see cref="SeatAllocator"/> applies in this election.</summary>
    public SeatLimits Limits() => new(
        Regions.Where(r => r.Up is not null).ToDictionary(r => r.Region, r => r.Up!.Value, StringComparer.OrdinalIgnoreCase),
        TotalUp,
        MaxPerCompany,
        Regions.Where(r => r.Minimum > 0).ToDictionary(r => r.Region, r => r.Minimum, StringComparer.OrdinalIgnoreCase),
        Continuing);

    /// <summary>The region of a roster person, spelled as the policy spells it, or null when the policy does not list it.</summary>
    public static string? RegionOf(Policy policy, string? region) =>
        region is null ? null : policy.Regions.FirstOrDefault(r => string.Equals(r, region.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Incumbent IncumbentOf(Policy policy, Roster roster, SeatHolder holder)
    {
        var person = roster.FindPerson(holder.GitHub);
        return new Incumbent(holder.GitHub, RegionOf(policy, person?.Region), person?.Company, holder.Term);
    }
}
