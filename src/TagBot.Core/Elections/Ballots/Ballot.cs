namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// One secret ballot, with nothing that names its voter. <see cref="Preferences"/> are tiers of candidate
/// logins, most preferred first; candidates in one tier are ranked equal. A candidate in no tier has no
/// opinion given: below every ranked candidate on a ranked ballot, not approved on an approval ballot
/// (an approval ballot has at most one tier: the approved).
/// </summary>
public sealed record Ballot(IReadOnlyList<IReadOnlyList<string>> Preferences)
{
    public static Ballot Empty { get; } = new([]);

    /// <summary>An approval ballot approving <paramref name="approved"/>.</summary>
    public static Ballot Approving(params IReadOnlyList<string> approved) => new(approved.Count == 0 ? [] : [approved]);

    /// <summary>A ranked ballot with one candidate per rank, most preferred first.</summary>
    public static Ballot Ranking(params IReadOnlyList<string> order) => new([.. order.Select(c => (IReadOnlyList<string>)[c])]);
}

/// <summary>A ballot as published: its random receipt code, by which its voter (and only they) can find it.</summary>
public sealed record CastBallot(string Receipt, Ballot Ballot);
