using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>The result of a closed election, computed as of the close.</summary>
/// <param name="Allocation">Who takes the seats, as of the close and the chair's tie picks.</param>
/// <param name="Close">The closing comment.</param>
/// <param name="FinalizedBy">The comment that made the result final: the close, or the <c>/break-tie</c> that ended the tie; null while a tie waits.</param>
/// <param name="NewTerm">The term of everyone elected, once final: from <see cref="TermStart"/> for <c>term_months</c>.</param>
/// <param name="Seats">For the roster pull request: the elected with their terms (empty until final).</param>
/// <param name="Retirements">For the roster pull request: holders moving to <c>emeritus</c> (empty until final).</param>
public sealed record ElectionOutcome(
    SeatAllocation Allocation,
    ElectionClose Close,
    CommentRef? FinalizedBy,
    Term? NewTerm,
    IReadOnlyList<ElectedSeat> Seats,
    IReadOnlyList<Retirement> Retirements)
{
    public bool IsFinal => FinalizedBy is not null;

    /// <summary>The UTC date new terms start: the date of <see cref="FinalizedBy"/>.</summary>
    public DateOnly? TermStart => FinalizedBy is { } f ? DateOnly.FromDateTime(f.At.UtcDateTime) : null;

    /// <summary>
    /// The roster change a final allocation makes: new terms from the UTC date of the comment that
    /// made it final, and retirement for holders whose term ended by then and who were not elected.
    /// </summary>
    public static ElectionOutcome Of(SeatAllocation allocation, ElectionClose close, CommentRef? finalizedBy, string role, RolePolicy rules, Roster roster)
    {
        if (finalizedBy is null)
        {
            return new ElectionOutcome(allocation, close, null, null, [], []);
        }

        var start = DateOnly.FromDateTime(finalizedBy.At.UtcDateTime);
        var term = new Term(start, start.AddMonths(rules.TermMonths));
        var seats = allocation.Elected
            .Select(a => new ElectedSeat(role, a.Candidate.GitHub, a.Candidate.Region, a.Candidate.Company, term,
                roster.HasRole(a.Candidate.GitHub, role), a.Rank))
            .ToList();
        var elected = seats.Select(s => s.GitHub).ToHashSet(Login.Comparer);
        var retirements = roster.HoldersOf(role)
            .Where(h => h.Term is { } t && t.End <= start && !elected.Contains(h.GitHub))
            .DistinctBy(h => h.GitHub)
            .Select(h => new Retirement(role, h.GitHub, h.Term))
            .ToList();
        return new ElectionOutcome(allocation, close, finalizedBy, term, seats, retirements);
    }
}
