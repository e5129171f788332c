using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Elections;
using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Elections;

/// <summary>
/// Properties of <see cref="SeatAllocator"/> over random elections: up to 8 nominees in three
/// regions and three companies, with random caps, totals, company limits, minimums and continuing
/// holders. Each case is built from one seed, so a failure names the seed that reproduces it.
/// </summary>
public sealed class SeatAllocatorProperties
{
    private static readonly string[] Regions = ["APAC", "EMEA", "Americas"];
    private static readonly string?[] Companies = ["Acme", "Globex", "Initech", null];
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

    public sealed record Case(SeatLimits Limits, IReadOnlyList<SeatCandidate> Candidates, TieBreak TieBreak, IReadOnlyList<string> Picks)
    {
        public SeatAllocation Allocate() => SeatAllocator.Allocate(Limits, Candidates, TieBreak, Picks);
    }

    /// <summary>
    /// A random election; <paramref name="tight"/> ones have minimums everywhere, a company limit and
    /// only two companies, where meeting the minimums greedily would fall short.
    /// </summary>
    public static Case Build(int seed, bool tight = false)
    {
        var random = new Random(seed);
        var companies = tight ? ["Acme", "Globex"] : Companies;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        int? Maybe(int min, int max) => random.Next(3) == 0 ? null : random.Next(min, max + 1);

        var caps = new Dictionary<string, int>(Names);
        int? total = null;
        switch (random.Next(3))
        {
            case 0:
                foreach (var region in Regions.Where(_ => random.Next(4) > 0))
                {
                    caps[region] = random.Next(0, 4);
                }

                break;
            case 1:
                total = random.Next(0, 6);
                break;
        }

        var minimums = new Dictionary<string, int>(Names);
        foreach (var region in Regions.Where(_ => tight || random.Next(2) == 0))
        {
            minimums[region] = random.Next(tight ? 1 : 0, 3);
        }

        var continuing = Enumerable.Range(0, random.Next(0, 4))
            .Select(i => new Incumbent($"holder-{i}", Pick(Regions), Pick(companies), null))
            .ToList();
        var candidates = Enumerable.Range(0, random.Next(0, 9))
            .Select(i => new SeatCandidate($"nominee-{i}", Pick(Regions), Pick(companies), random.Next(0, 4), random.Next(0, 100) * 10 + i,
                random.Next(5) == 0 ? "declined" : null))
            .ToList();
        var picks = candidates.Where(_ => random.Next(6) == 0).Select(c => c.GitHub).ToList();
        return new Case(
            new SeatLimits(caps, total, tight ? random.Next(1, 3) : Maybe(1, 3), minimums, continuing),
            candidates,
            random.Next(2) == 0 ? TieBreak.Chair : TieBreak.EarliestNomination,
            picks);
    }

    /// <summary>Everything an allocation says, as text, so two allocations compare by value.</summary>
    public static string Describe(SeatAllocation a) => string.Join("\n",
        a.Elected.Select(e => $"elected {e.Candidate.GitHub} #{e.Rank} min={e.ForMinimum}")
            .Concat(a.NotElected.Select(n => $"not {n.Candidate.GitHub} #{n.Rank} tied={n.Tied}: {n.Why}"))
            .Concat(a.UnmetMinimums.Select(u => $"unmet {u.Region} {u.Seated}/{u.Minimum}: {u.Why}"))
            .Concat(a.Ties.Select(t => $"tie {string.Join(",", t.Nominees)} {t.Supports} {t.Seats} {t.Resolved}")));

    private static string? Company(string? company) => string.IsNullOrWhiteSpace(company) ? null : company.Trim();

    /// <summary>Whether seating <paramref name="elected"/> keeps every hard limit.</summary>
    private static bool WithinHardLimits(SeatLimits limits, IReadOnlyCollection<SeatCandidate> elected)
    {
        if (limits.TotalSeats is { } total && elected.Count > total)
        {
            return false;
        }

        if (limits.RegionSeats.Any(cap => elected.Count(e => Names.Equals(e.Region, cap.Key)) > cap.Value))
        {
            return false;
        }

        // Continuing holders may already exceed the limit; it forbids only adding to such a company.
        var companies = elected.Select(e => Company(e.Company)).OfType<string>().ToHashSet(Names);
        return limits.MaxPerCompany is not { } max
            || elected.Select(e => Company(e.Company)).Concat(limits.Continuing.Select(h => Company(h.Company)))
                .OfType<string>()
                .Where(companies.Contains)
                .GroupBy(c => c, Names)
                .All(g => g.Count() <= max);
    }

    /// <summary>Minimum seats that <paramref name="elected"/> fills: per region, up to what continuing holders leave missing.</summary>
    private static int MinimumSeatsFilled(SeatLimits limits, IReadOnlyCollection<SeatCandidate> elected) =>
        limits.MinPerRegion.Sum(m => Math.Min(
            Math.Max(0, m.Value - limits.Continuing.Count(h => Names.Equals(h.Region, m.Key))),
            elected.Count(e => Names.Equals(e.Region, m.Key))));

    private static List<SeatCandidate> Seated(SeatAllocation allocation) => [.. allocation.Elected.Select(e => e.Candidate)];

    [Property(MaxTest = 300)]
    public Property No_allocation_breaks_a_region_cap_the_total_or_the_company_limit() =>
        Prop.ForAll(Seeds, seed =>
        {
            var c = Build(seed);
            return WithinHardLimits(c.Limits, Seated(c.Allocate()));
        });

    [Property(MaxTest = 300)]
    public Property No_unelectable_nominee_is_ever_seated() =>
        Prop.ForAll(Seeds, seed => Build(seed).Allocate().Elected.All(e => e.Candidate.Electable));

    [Property(MaxTest = 300)]
    public Property Every_candidate_is_either_elected_or_not_exactly_once() =>
        Prop.ForAll(Seeds, seed =>
        {
            var c = Build(seed);
            var a = c.Allocate();
            return a.Elected.Select(e => e.Candidate.GitHub).Concat(a.NotElected.Select(n => n.Candidate.GitHub))
                .Order(StringComparer.Ordinal)
                .SequenceEqual(c.Candidates.Select(x => x.GitHub).Order(StringComparer.Ordinal));
        });

    /// <summary>
    /// Optimality by exchange for the seats filled in rank order: when a left-out electable nominee
    /// has more binding supports than one elected after the minimums, putting them in that seat
    /// breaks a hard limit. (Seats taken for a minimum go to the region's best-ranked nominees
    /// first, as the rules say, and are not claimed optimal by this exchange.)
    /// </summary>
    [Property(MaxTest = 300)]
    public Property No_left_out_nominee_with_more_support_fits_in_a_seat_filled_in_rank_order() =>
        Prop.ForAll(Seeds, Gen.Elements(false, true).ToArbitrary(), (seed, tight) =>
        {
            var c = Build(seed, tight) with { TieBreak = TieBreak.EarliestNomination };
            var allocation = c.Allocate();
            var seated = Seated(allocation);
            var found = (from e in allocation.Elected.Where(e => !e.ForMinimum).Select(e => e.Candidate)
                         from n in allocation.NotElected.Select(n => n.Candidate).Where(n => n.Electable && n.Supports > e.Supports)
                         where WithinHardLimits(c.Limits, [.. seated.Where(x => x != e), n])
                         select $"@{n.GitHub} ({n.Supports}) fits in the seat of @{e.GitHub} ({e.Supports})").ToList();
            return (found.Count == 0).Label(string.Join("\n", found) + "\n" + Describe(allocation));
        });

    [Property(MaxTest = 200)]
    public Property The_order_candidates_are_given_in_does_not_matter() =>
        Prop.ForAll(Seeds, seed =>
        {
            var c = Build(seed);
            var shuffled = c.Candidates.OrderBy(_ => new Random(seed ^ 0x5bd1e995).Next()).Reverse().ToList();
            return Describe(c.Allocate()) == Describe((c with { Candidates = shuffled }).Allocate());
        });

    [Property(MaxTest = 1000)]
    public Property Every_minimum_is_met_whenever_enough_electable_candidates_fit_the_hard_limits() =>
        Prop.ForAll(Seeds, Gen.Elements(false, true).ToArbitrary(), (seed, tight) =>
        {
            var c = Build(seed, tight) with { TieBreak = TieBreak.EarliestNomination };
            var electable = c.Candidates.Where(x => x.Electable).ToList();
            var best = 0;
            for (var mask = 0; mask < 1 << electable.Count; mask++)
            {
                var subset = electable.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                if (WithinHardLimits(c.Limits, subset))
                {
                    best = Math.Max(best, MinimumSeatsFilled(c.Limits, subset));
                }
            }

            var allocation = c.Allocate();
            var filled = MinimumSeatsFilled(c.Limits, Seated(allocation));
            var reported = allocation.UnmetMinimums.Select(u => u.Region).ToHashSet(Names);
            var actuallyUnmet = c.Limits.MinPerRegion
                .Where(m => m.Value > c.Limits.Continuing.Count(h => Names.Equals(h.Region, m.Key))
                    + allocation.Elected.Count(e => Names.Equals(e.Candidate.Region, m.Key)))
                .Select(m => m.Key)
                .ToHashSet(Names);
            return (filled == best && reported.SetEquals(actuallyUnmet))
                .Label($"filled {filled}, best {best}, reported [{string.Join(",", reported)}], unmet [{string.Join(",", actuallyUnmet)}]\n"
                    + Describe(allocation));
        });

    [Property(MaxTest = 200)]
    public Property Seats_are_filled_while_someone_electable_still_fits() =>
        Prop.ForAll(Seeds, seed =>
        {
            var c = Build(seed) with { TieBreak = TieBreak.EarliestNomination };
            var allocation = c.Allocate();
            var seated = Seated(allocation);
            return allocation.NotElected.Where(n => n.Candidate.Electable)
                .All(n => !WithinHardLimits(c.Limits, [.. seated, n.Candidate]));
        });

    [Property(MaxTest = 200)]
    public Property Under_earliest_nomination_no_tie_stays_open() =>
        Prop.ForAll(Seeds, seed => !(Build(seed) with { TieBreak = TieBreak.EarliestNomination }).Allocate().HasOpenTie);

    [Property(MaxTest = 200)]
    public Property Chair_picks_always_end_a_tie_within_as_many_picks_as_nominees() =>
        Prop.ForAll(Seeds, seed =>
        {
            var c = Build(seed) with { TieBreak = TieBreak.Chair, Picks = [] };
            for (var round = 0; round <= c.Candidates.Count; round++)
            {
                var allocation = c.Allocate();
                if (!allocation.HasOpenTie)
                {
                    return WithinHardLimits(c.Limits, Seated(allocation));
                }

                var tie = allocation.Ties.First(t => !t.Resolved);
                c = c with { Picks = [.. c.Picks, tie.Nominees[^1]] };
            }

            return false;
        });

    [Property(MaxTest = 200)]
    public Property Without_caps_minimums_or_company_limits_everyone_electable_is_elected() =>
        Prop.ForAll(Seeds, seed =>
        {
            var c = Build(seed);
            var allocation = SeatAllocator.Allocate(SeatLimits.Unlimited, c.Candidates, TieBreak.Chair, []);
            return allocation.Elected.Count == c.Candidates.Count(x => x.Electable) && allocation.Ties.Count == 0;
        });
}
