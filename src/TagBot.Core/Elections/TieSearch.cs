using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// Which electable nominees are tied at the cut-off: two of equal supports, one seated and one not,
/// are tied when swapping them in the order makes them trade places.
/// </summary>
internal static class TieSearch
{
    private static readonly StringComparer Names = Login.Comparer;

    /// <summary>Whether swapping the two in the order seats <paramref name="outside"/> instead of <paramref name="seated"/>.</summary>
    public static bool TradePlaces(SeatLimits limits, IReadOnlyList<SeatCandidate> order, SeatCandidate seated, SeatCandidate outside)
    {
        var swapped = order.ToArray();
        var (i, j) = (Array.IndexOf(swapped, seated), Array.IndexOf(swapped, outside));
        (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
        var other = Seating.Fill(limits, swapped);
        return other.IsSeated(outside) && !other.IsSeated(seated);
    }

    public static List<SeatTie> Find(
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
                var other = Seating.Fill(limits, swapped);
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
}
