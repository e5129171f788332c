using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// Who takes the seats up (SPEC §6, "Close"). Pure and deterministic: the result depends only on the
/// limits, the candidates (not the order they are given in), the tie rule and the chair's picks.
/// </summary>
/// <remarks>
/// <para><b>Rank.</b> Electable nominees are ranked by binding supports (most first); equal supports are
/// ordered by the chair's <c>/break-tie</c> picks (in the order made), then by earliest nomination, then by
/// login (ordinal, case-insensitive), so the order is total.</para>
/// <para><b>Hard limits</b> are never broken: the seats up in each capped region, the total seats up, and
/// <c>max_per_company</c> counted over the continuing holders plus those elected. A nominee without a
/// company in the roster is not limited by <c>max_per_company</c>.</para>
/// <para><b>Minimums first.</b> Each region's <c>min_per_region</c> (continuing holders count toward it)
/// is met first, by as many seats as the hard limits allow at all (a max-flow over regions, companies and
/// the total), choosing nominees in rank order: a nominee is passed over for a minimum seat only when
/// seating them would leave fewer minimums fillable. Then the remaining seats go in rank order to every
/// nominee who fits the hard limits; one who does not gives way, and the seat passes to the next.
/// A minimum that still falls short is reported with the reason, never forced.</para>
/// <para><b>Ties.</b> Two electable nominees with equal supports, one seated and one not, are tied when
/// swapping them in the order makes them trade places (the one left out is seated, the other not). Each support level with such nominees is one tie;
/// it counts the seats its nominees compete for. Under <see cref="TieBreak.EarliestNomination"/> the
/// tentative order (earliest nomination first) stands and the tie is reported as resolved; under
/// <see cref="TieBreak.Chair"/> it stays open, and its nominees are neither elected nor refused, until each
/// chair pick moves a nominee ahead of the rest of their support level.</para>
/// </remarks>
public static class SeatAllocator
{
    private static readonly StringComparer Names = Login.Comparer;

    public static SeatAllocation Allocate(
        SeatLimits limits,
        IEnumerable<SeatCandidate> candidates,
        TieBreak tieBreak,
        IReadOnlyList<string> chairPicks)
    {
        var all = candidates.ToList();
        var duplicate = all.GroupBy(c => c.GitHub, Names).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"@{duplicate.Key} is a candidate twice.", nameof(candidates));
        }

        var order = Rank(all.Where(c => c.Electable), chairPicks);
        var seating = Fill(limits, order);
        var ties = FindTies(limits, order, chairPicks, seating, tieBreak);
        var open = ties.Where(t => !t.Resolved).SelectMany(t => t.Nominees).ToHashSet(Names);

        var elected = new List<SeatAward>();
        var notElected = new List<SeatRefusal>();
        for (var i = 0; i < order.Count; i++)
        {
            var candidate = order[i];
            if (open.Contains(candidate.GitHub))
            {
                var tie = ties.First(t => !t.Resolved && t.Nominees.Contains(candidate.GitHub, Names));
                notElected.Add(new SeatRefusal(candidate, i + 1, TieText(tie), Tied: true));
            }
            else if (seating.IsSeated(candidate))
            {
                elected.Add(new SeatAward(candidate, i + 1, seating.IsForMinimum(candidate)));
            }
            else
            {
                var resolved = ties.FirstOrDefault(t => t.Resolved && t.Nominees.Contains(candidate.GitHub, Names));
                var why = seating.WhyNot(candidate);
                var pickedOver = order.Where(c => c.Supports == candidate.Supports && seating.IsSeated(c)
                    && chairPicks.Contains(c.GitHub, Names) && TradePlaces(limits, order, c, candidate)).Select(c => c.GitHub).ToList();
                if (pickedOver.Count > 0)
                {
                    why += $" (a chair's `/break-tie` picked {Mentions(pickedOver)})";
                }

                if (resolved is not null)
                {
                    why += $" (tied with {Mentions(resolved.Nominees.Where(n => !Names.Equals(n, candidate.GitHub)))}; "
                        + "the earlier nomination wins under `tie_break: earliest-nomination`)";
                }

                notElected.Add(new SeatRefusal(candidate, i + 1, why));
            }
        }

        foreach (var candidate in all.Where(c => !c.Electable).OrderBy(c => c.NominationOrder).ThenBy(c => c.GitHub, Login.Comparer))
        {
            notElected.Add(new SeatRefusal(candidate, null, "not electable: " + candidate.Unelectable));
        }

        return new SeatAllocation(elected, notElected, UnmetMinimums(limits, order, seating), ties);
    }

    /// <summary>The electable nominees in rank order (see the remarks on <see cref="SeatAllocator"/>).</summary>
    public static IReadOnlyList<SeatCandidate> Rank(IEnumerable<SeatCandidate> electable, IReadOnlyList<string> chairPicks)
    {
        int Pick(SeatCandidate c)
        {
            for (var i = 0; i < chairPicks.Count; i++)
            {
                if (Names.Equals(chairPicks[i], c.GitHub))
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        return
        [
            .. electable
                .OrderByDescending(c => c.Supports)
                .ThenBy(Pick)
                .ThenBy(c => c.NominationOrder)
                .ThenBy(c => c.GitHub, Login.Comparer)
                .ThenBy(c => c.GitHub, StringComparer.Ordinal),
        ];
    }

    internal static string Mentions(IEnumerable<string> logins) => string.Join(", ", logins.Select(l => "@" + l));

    private static string TieText(SeatTie tie) =>
        $"tied: {Mentions(tie.Nominees)} have {tie.Supports} binding {(tie.Supports == 1 ? "support" : "supports")} each "
        + $"and compete for {tie.Seats} {(tie.Seats == 1 ? "seat" : "seats")}; a chair decides with `/break-tie @user`";

    private static Seating Fill(SeatLimits limits, IReadOnlyList<SeatCandidate> order)
    {
        var seating = new Seating(limits);

        // Minimums first: as many as the hard limits allow at all, in rank order.
        var target = seating.MinimumSeatsFillable(order);
        foreach (var candidate in order)
        {
            if (target == 0)
            {
                break;
            }

            if (!seating.NeedsMinimum(candidate) || seating.Blocks(candidate) is not null)
            {
                continue;
            }

            seating.Seat(candidate, forMinimum: true);
            if (seating.MinimumSeatsFillable(order) == target - 1)
            {
                target--;
            }
            else
            {
                seating.Unseat(candidate);
            }
        }

        // Then every remaining seat in rank order; whoever breaks a hard limit gives way.
        foreach (var candidate in order.Where(c => !seating.IsSeated(c)))
        {
            if (seating.Blocks(candidate) is { } why)
            {
                seating.Refuse(candidate, why);
            }
            else
            {
                seating.Seat(candidate, forMinimum: false);
            }
        }

        return seating;
    }

    /// <summary>Whether swapping the two in the order seats <paramref name="outside"/> instead of <paramref name="seated"/>.</summary>
    private static bool TradePlaces(SeatLimits limits, IReadOnlyList<SeatCandidate> order, SeatCandidate seated, SeatCandidate outside)
    {
        var swapped = order.ToArray();
        var (i, j) = (Array.IndexOf(swapped, seated), Array.IndexOf(swapped, outside));
        (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
        var other = Fill(limits, swapped);
        return other.IsSeated(outside) && !other.IsSeated(seated);
    }

    private static List<SeatTie> FindTies(
        SeatLimits limits,
        IReadOnlyList<SeatCandidate> order,
        IReadOnlyList<string> chairPicks,
        Seating seating,
        TieBreak tieBreak)
    {
        var picked = chairPicks.ToHashSet(Names);
        var tied = new HashSet<string>(Names);
        for (var i = 0; i < order.Count; i++)
        {
            for (var j = i + 1; j < order.Count && order[j].Supports == order[i].Supports; j++)
            {
                var (a, b) = (order[i], order[j]);
                if (picked.Contains(a.GitHub) || picked.Contains(b.GitHub) || seating.IsSeated(a) == seating.IsSeated(b))
                {
                    continue;
                }

                // Tied when, with the two swapped, they trade places: the one left out takes the seat.
                var swapped = order.ToArray();
                (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
                var (isIn, isOut) = seating.IsSeated(a) ? (a, b) : (b, a);
                var other = Fill(limits, swapped);
                if (other.IsSeated(isOut) && !other.IsSeated(isIn))
                {
                    tied.Add(a.GitHub);
                    tied.Add(b.GitHub);
                }
            }
        }

        return
        [
            .. order.Where(c => tied.Contains(c.GitHub))
                .GroupBy(c => c.Supports)
                .Select(g => new SeatTie(
                    [.. g.Select(c => c.GitHub)],
                    g.Key,
                    g.Count(seating.IsSeated),
                    tieBreak == TieBreak.EarliestNomination)),
        ];
    }

    private static List<UnmetMinimum> UnmetMinimums(SeatLimits limits, IReadOnlyList<SeatCandidate> order, Seating seating)
    {
        var unmet = new List<UnmetMinimum>();
        foreach (var (region, minimum) in limits.MinPerRegion.Where(m => m.Value > 0))
        {
            var continuing = limits.Continuing.Count(h => Names.Equals(h.Region, region));
            var inRegion = order.Where(c => Names.Equals(c.Region, region)).ToList();
            var seated = continuing + inRegion.Count(seating.IsSeated);
            if (seated >= minimum)
            {
                continue;
            }

            string why;
            if (continuing + inRegion.Count < minimum)
            {
                why = inRegion.Count switch
                {
                    0 => $"no electable nominee stands in {region}",
                    1 => $"only 1 electable nominee stands in {region}",
                    var n => $"only {n} electable nominees stand in {region}",
                };
                why += continuing switch
                {
                    0 => "",
                    1 => " and 1 holder continues there",
                    var n => $" and {n} holders continue there",
                };
            }
            else
            {
                var blocks = inRegion.Where(c => !seating.IsSeated(c)).Select(c => $"@{c.GitHub} {seating.WhyNot(c)}");
                why = "a hard limit prevents it: " + string.Join("; ", blocks);
            }

            unmet.Add(new UnmetMinimum(region, minimum, seated, why));
        }

        return unmet;
    }

    /// <summary>The seats taken so far and the counters the hard limits read.</summary>
    private sealed class Seating
    {
        private readonly SeatLimits _limits;
        private readonly Dictionary<string, int> _caps;
        private readonly Dictionary<string, int> _need = new(Names);
        private readonly Dictionary<string, int> _newByRegion = new(Names);
        private readonly Dictionary<string, List<string>> _byCompany = new(Names);
        private readonly Dictionary<string, SeatCandidate> _seated = new(Names);
        private readonly HashSet<string> _forMinimum = new(Names);
        private readonly Dictionary<string, string> _refused = new(Names);

        public Seating(SeatLimits limits)
        {
            _limits = limits;
            _caps = new Dictionary<string, int>(limits.RegionSeats, Names);
            foreach (var (region, minimum) in limits.MinPerRegion)
            {
                var need = minimum - limits.Continuing.Count(h => Names.Equals(h.Region, region));
                if (need > 0)
                {
                    _need[region] = need;
                }
            }

            foreach (var holder in limits.Continuing)
            {
                if (CompanyOf(holder.Company) is { } company)
                {
                    Holders(company).Add(holder.GitHub);
                }
            }
        }

        public bool IsSeated(SeatCandidate candidate) => _seated.ContainsKey(candidate.GitHub);

        public bool IsForMinimum(SeatCandidate candidate) => _forMinimum.Contains(candidate.GitHub);

        public bool NeedsMinimum(SeatCandidate candidate) => candidate.Region is { } region && _need.GetValueOrDefault(region) > 0;

        public string WhyNot(SeatCandidate candidate) => _refused.GetValueOrDefault(candidate.GitHub) ?? "not seated";

        /// <summary>Which hard limit seating <paramref name="candidate"/> would break, or null.</summary>
        public string? Blocks(SeatCandidate candidate)
        {
            if (_limits.TotalSeats is { } total && _seated.Count >= total)
            {
                return total switch
                {
                    0 => "no seat is up",
                    1 => "the 1 seat up is filled",
                    _ => $"all {total} seats up are filled",
                };
            }

            if (candidate.Region is { } region && _caps.TryGetValue(region, out var cap) && _newByRegion.GetValueOrDefault(region) >= cap)
            {
                return cap switch
                {
                    0 => $"no seat is up in {region}",
                    1 => $"the 1 seat up in {region} is filled",
                    _ => $"all {cap} seats up in {region} are filled",
                };
            }

            if (_limits.MaxPerCompany is { } max && CompanyOf(candidate.Company) is { } company
                && _byCompany.TryGetValue(company, out var holders) && holders.Count >= max)
            {
                return $"gives way to `max_per_company: {max}`: {company} would have more than {max} "
                    + $"(already {Mentions(holders)})";
            }

            return null;
        }

        public void Seat(SeatCandidate candidate, bool forMinimum)
        {
            _seated.Add(candidate.GitHub, candidate);
            if (forMinimum)
            {
                _forMinimum.Add(candidate.GitHub);
            }

            if (candidate.Region is { } region)
            {
                _newByRegion[region] = _newByRegion.GetValueOrDefault(region) + 1;
                if (_need.TryGetValue(region, out var need))
                {
                    _need[region] = need - 1;
                }
            }

            if (CompanyOf(candidate.Company) is { } company)
            {
                Holders(company).Add(candidate.GitHub);
            }
        }

        public void Unseat(SeatCandidate candidate)
        {
            _seated.Remove(candidate.GitHub);
            _forMinimum.Remove(candidate.GitHub);
            if (candidate.Region is { } region)
            {
                _newByRegion[region]--;
                if (_need.TryGetValue(region, out var need))
                {
                    _need[region] = need + 1;
                }
            }

            if (CompanyOf(candidate.Company) is { } company)
            {
                _byCompany[company].Remove(candidate.GitHub);
            }
        }

        public void Refuse(SeatCandidate candidate, string why) => _refused[candidate.GitHub] = why;

        /// <summary>
        /// The most minimum seats still fillable from the unseated <paramref name="candidates"/> within
        /// every hard limit: a max-flow source → region (its need) → nominee → company (its room) → total.
        /// </summary>
        public int MinimumSeatsFillable(IReadOnlyList<SeatCandidate> candidates)
        {
            var network = new FlowNetwork();
            var source = network.AddNode();
            var sink = network.AddNode();
            var total = network.AddNode();
            network.AddEdge(total, sink, _limits.TotalSeats is { } t ? Math.Max(0, t - _seated.Count) : FlowNetwork.Unbounded);

            var regions = new Dictionary<string, int>(Names);
            var companies = new Dictionary<string, int>(Names);
            foreach (var candidate in candidates.Where(c => !IsSeated(c) && NeedsMinimum(c)))
            {
                var region = candidate.Region!;
                if (!regions.TryGetValue(region, out var regionNode))
                {
                    regionNode = regions[region] = network.AddNode();
                    var room = _caps.TryGetValue(region, out var cap) ? cap - _newByRegion.GetValueOrDefault(region) : FlowNetwork.Unbounded;
                    network.AddEdge(source, regionNode, Math.Max(0, Math.Min(_need[region], room)));
                }

                var node = network.AddNode();
                network.AddEdge(regionNode, node, 1);
                if (CompanyOf(candidate.Company) is { } company && _limits.MaxPerCompany is { } max)
                {
                    if (!companies.TryGetValue(company, out var companyNode))
                    {
                        companyNode = companies[company] = network.AddNode();
                        var held = _byCompany.TryGetValue(company, out var holders) ? holders.Count : 0;
                        network.AddEdge(companyNode, total, Math.Max(0, max - held));
                    }

                    network.AddEdge(node, companyNode, 1);
                }
                else
                {
                    network.AddEdge(node, total, 1);
                }
            }

            return network.MaxFlow(source, sink);
        }

        private static string? CompanyOf(string? company) => string.IsNullOrWhiteSpace(company) ? null : company.Trim();

        private List<string> Holders(string company) =>
            _byCompany.TryGetValue(company, out var holders) ? holders : _byCompany[company] = [];
    }
}
