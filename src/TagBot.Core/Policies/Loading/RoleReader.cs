using TagBot.Core.Policies.Rules;
using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>One entry of <c>roles:</c>, merged over <paramref name="role"/> of <see cref="Read"/>.</summary>
internal static class RoleReader
{
    private const string Section = "roles.ROLE";

    private const string ElectionsPerYearExpectation =
        "1, 2, 3, 4, 6 or 12 (elections are evenly spaced 12 / elections_per_year months apart, so it must divide 12)";

    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of(Section);

    public static RolePolicy Read(ConfigNodeReader r, ConfigNode node, RolePolicy role)
    {
        ConfigNode? seatsNode = null;
        var perRegionSet = false;
        foreach (var (key, value) in r.Fields(node, Keys))
        {
            switch (key)
            {
                case "term_months":
                    role = r.TryInt(value, 1, out var months) ? role with { TermMonths = months } : role;
                    break;
                case "seats_per_region" when RegionCountsReader.TryRead(r, value, out var caps):
                    role = role with { SeatsPerRegion = caps };
                    perRegionSet = caps is not null;
                    break;
                case "seats" when r.TryOptionalInt(value, 1, out var seats):
                    role = role with { Seats = seats };
                    seatsNode = seats is null ? null : value;
                    break;
                case "min_per_region":
                    role = RegionCountsReader.TryRead(r, value, out var mins)
                        ? role with { MinPerRegion = mins ?? new Dictionary<string, int>() }
                        : role;
                    break;
                case "max_per_company":
                    role = r.TryOptionalInt(value, 1, out var perCompany) ? role with { MaxPerCompany = perCompany } : role;
                    break;
                case "max_consecutive_terms":
                    role = r.TryOptionalInt(value, 1, out var terms) ? role with { MaxConsecutiveTerms = terms } : role;
                    break;
                case "elections_per_year":
                    role = ReadElectionsPerYear(r, value) is { } perYear ? role with { ElectionsPerYear = perYear } : role;
                    break;
                case "seats_per_region" or "seats":
                    break;
                default:
                    throw SectionKeys.Unread(Section, key);
            }
        }
        return ResolveSeats(r, role, seatsNode, perRegionSet);
    }

    /// <summary>
    /// <c>seats</c> and <c>seats_per_region</c> are alternatives: the one the file sets replaces the other's
    /// default, and setting both is an error.
    /// </summary>
    private static RolePolicy ResolveSeats(ConfigNodeReader r, RolePolicy role, ConfigNode? seatsNode, bool perRegionSet)
    {
        if (seatsNode is { } both && perRegionSet)
        {
            r.Report(both, "set either seats (a total, regions uncapped) or seats_per_region (a cap per region), not both");
            return role;
        }
        if (seatsNode is not null)
        {
            return role with { SeatsPerRegion = null };
        }
        return perRegionSet ? role with { Seats = null } : role;
    }

    private static int? ReadElectionsPerYear(ConfigNodeReader r, ConfigNode value)
    {
        if (!r.TryInt(value, int.MinValue, out var perYear, ElectionsPerYearExpectation))
        {
            return null;
        }
        if (ValueRules.DividesTheYear(perYear))
        {
            return perYear;
        }
        r.Report(value, $"expected {ElectionsPerYearExpectation}, found {perYear}");
        return null;
    }
}
