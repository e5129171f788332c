using TagBot.Core.Elections.Ballots;

namespace TagBot.Ballots;

/// <summary>
/// Where secret ballots wait for the close. It knows who voted and what was voted, but keeps no
/// link between the two that survives <see cref="CloseAsync"/> (see docs/ballots.md).
/// </summary>
public interface IBallotBox
{
    /// <summary>
    /// Stores <paramref name="ballot"/>, replacing this voter's earlier one, and returns its new random
    /// receipt code; the ballot is committed before this returns. The same <paramref name="submissionId"/>
    /// as the voter's current ballot returns the same receipt and changes nothing (a double submit).
    /// </summary>
    /// <exception cref="BallotBoxClosedException">The election's box was closed.</exception>
    Task<string> CastAsync(ElectionKey key, long voterId, string voterLogin, Ballot ballot, string submissionId, CancellationToken cancellationToken);

    Task<bool> HasVotedAsync(ElectionKey key, long voterId, CancellationToken cancellationToken);

    /// <summary>The logins of those who voted, sorted: the turnout, which is public.</summary>
    Task<IReadOnlyList<string>> VotersAsync(ElectionKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stops casting, destroys the secret that links voters to ballots, and returns the ballots sorted
    /// by receipt. Idempotent: a second close returns the same ballots.
    /// </summary>
    Task<IReadOnlyList<CastBallot>> CloseAsync(ElectionKey key, CancellationToken cancellationToken);
}
