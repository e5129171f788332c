using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// Who takes the seats up when an election closes. Pure and deterministic: the result depends only on the
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
        var seating = Seating.Fill(limits, order);
        var ties = TieSearch.Find(limits, order, chairPicks, seating, tieBreak);
        var open = ties.Where(t => !t.Resolved).SelectMany(t => t.Nominees).ToHashSet(Names);

        var elected = new List<SeatAward>();
        var notElected = new List<SeatRefusal>();
        for (var i = 0; i < order.Count; i++)
        {
            var candidate = order[i];
            if (open.Contains(candidate.GitHub))
            {
                var tie = ties.First(t => !t.Resolved && t.Nominees.Contains(candidate.GitHub, Names));
                notElected.Add(new SeatRefusal(candidate, i + 1, SeatReasons.Tied(tie), Tied: true));
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
                    && chairPicks.Contains(c.GitHub, Names) && TieSearch.TradePlaces(limits, order, c, candidate)).Select(c => c.GitHub).ToList();
                if (pickedOver.Count > 0)
                {
                    why += SeatReasons.PickedOver(pickedOver);
                }

                if (resolved is not null)
                {
                    why += SeatReasons.LostToEarlierNomination(resolved.Nominees.Where(n => !Names.Equals(n, candidate.GitHub)));
                }

                notElected.Add(new SeatRefusal(candidate, i + 1, why));
            }
        }

        foreach (var candidate in all.Where(c => !c.Electable).OrderBy(c => c.NominationOrder).ThenBy(c => c.GitHub, Login.Comparer))
        {
            notElected.Add(new SeatRefusal(candidate, null, SeatReasons.NotElectable(candidate.Unelectable!)));
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

            var why = continuing + inRegion.Count < minimum
                ? SeatReasons.TooFewToMeetMinimum(region, inRegion.Count, continuing)
                : SeatReasons.HardLimitPrevents(inRegion.Where(c => !seating.IsSeated(c)).Select(c => (c.GitHub, seating.WhyNot(c))));
            unmet.Add(new UnmetMinimum(region, minimum, seated, why));
        }

        return unmet;
    }
}
