using TagBot.Core.Rosters;
namespace TagBot.Core.Elections;

/// <summary>The outcome of <see cref="SeatAllocator.Allocate"/>.</summary>
/// <param name="Elected">Seated nominees in rank order. Nominees of an open tie are not among them.</param>
/// <param name="NotElected">Everyone else: electable nominees in rank order, then unelectable ones in nomination order.</param>
/// <param name="UnmetMinimums">Regions whose <c>min_per_region</c> is not met, and why.</param>
/// <param name="Ties">Ties at the cut-off, open or resolved by the policy's <c>earliest-nomination</c>.</param>
public sealed record SeatAllocation(
    IReadOnlyList<SeatAward> Elected,
    IReadOnlyList<SeatRefusal> NotElected,
    IReadOnlyList<UnmetMinimum> UnmetMinimums,
    IReadOnlyList<SeatTie> Ties)
{
    /// <summary>Whether a tie waits for a chair's <c>/break-tie</c>.</summary>
    public bool HasOpenTie => Ties.Any(t => !t.Resolved);

    /// <summary>The open tie <paramref name="login"/> is in, if any.</summary>
    public SeatTie? OpenTieOf(string login) =>
        Ties.FirstOrDefault(t => !t.Resolved && t.Nominees.Contains(login, Login.Comparer));
}

/// <summary>A seat won.</summary>
/// <param name="Rank">1-based position among the electable nominees (binding supports, then the tie order).</param>
/// <param name="ForMinimum">Seated to meet their region's <c>min_per_region</c>.</param>
public sealed record SeatAward(SeatCandidate Candidate, int Rank, bool ForMinimum);

/// <summary>A nominee who is not seated, and why.</summary>
/// <param name="Rank">Their rank when electable, else null.</param>
/// <param name="Tied">Whether they are in an open tie (their seat waits for <c>/break-tie</c>).</param>
public sealed record SeatRefusal(SeatCandidate Candidate, int? Rank, string Why, bool Tied = false);

/// <summary>A region whose minimum representation is not met.</summary>
/// <param name="Seated">Holders of the region after the election (continuing and elected).</param>
public sealed record UnmetMinimum(string Region, int Minimum, int Seated, string Why);

/// <summary>
/// Nominees with equal binding supports whose order decides who is seated.
/// </summary>
/// <param name="Nominees">The tied logins, in the tentative order (earliest nomination first).</param>
/// <param name="Supports">Their binding supports.</param>
/// <param name="Seats">How many seats they compete for.</param>
/// <param name="Resolved">True when the policy's <c>earliest-nomination</c> resolved it; open ties wait for <c>/break-tie</c>.</param>
public sealed record SeatTie(IReadOnlyList<string> Nominees, int Supports, int Seats, bool Resolved);
