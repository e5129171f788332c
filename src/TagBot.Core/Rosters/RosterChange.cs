using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// One edit of a roster, computed by the election engine: seat the elected, retire the holders whose term
/// ended, reseat re-elected incumbents. Logins compare case-insensitively; roles are roster role ids.
/// </summary>
public abstract record RosterOperation(string Role, string GitHub)
{
    /// <summary>
    /// Adds <paramref name="GitHub"/> as a holder of <paramref name="Role"/>. With a <paramref name="Person"/>,
    /// formats that keep people details write them: the <c>tagbot</c> format adds the person to <c>people</c>
    /// when absent; <c>cncf-toc</c> and <c>markdown-table</c> fill the new entry's name, company (and region).
    /// Seating a holder who is already seated with the same term changes nothing, so a retried change is harmless.
    /// </summary>
    public sealed record Seat(string Role, string GitHub, Term Term, Person? Person = null) : RosterOperation(Role, GitHub);

    /// <summary>
    /// Removes <paramref name="GitHub"/> from <paramref name="Role"/> and, where the format keeps one, records
    /// them as emeritus with <paramref name="Term"/> (null: the term the roster lists for them).
    /// </summary>
    public sealed record Retire(string Role, string GitHub, Term? Term = null) : RosterOperation(Role, GitHub);

    /// <summary>Replaces the term of <paramref name="GitHub"/>, a re-elected holder of <paramref name="Role"/>, in place.</summary>
    public sealed record Reseat(string Role, string GitHub, Term NewTerm) : RosterOperation(Role, GitHub);
}

/// <summary>The operations of one roster pull request, applied in order. Immutable, compared by value.</summary>
public sealed record RosterChange
{
    public RosterChange(params IEnumerable<RosterOperation> operations) => Operations = ValueCollections.List(operations);

    public static RosterChange None { get; } = new();

    public IReadOnlyList<RosterOperation> Operations { get; }
}
