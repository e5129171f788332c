using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Elections.Voting;

/// <summary>
/// What the host's ballot box says of a secret-ballot election: who has voted (for turnout, never how) and, only once
/// the election is closed and the box sealed, the ballots themselves.
/// </summary>
/// <param name="Voters">Logins of the electorate who have cast a ballot, in any order.</param>
/// <param name="Ballots">The sealed ballots, sorted by receipt; null while the box is open (or unread).</param>
/// <param name="PageUrl">The ballot page of this election; null when this TagBot has no ballot page configured.</param>
public sealed record SecretBallots(IReadOnlyList<string> Voters, IReadOnlyList<CastBallot>? Ballots, string? PageUrl)
{
    public static SecretBallots None { get; } = new([], null, null);
}
