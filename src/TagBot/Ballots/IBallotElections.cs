namespace TagBot.Ballots;

/// <summary>The election flow, as the ballot page asks it: implemented beside the reconciler, which owns elections.</summary>
public interface IBallotElections
{
    /// <summary>The secret-ballot election on that issue; null when there is none (no such issue, or a comment-ballot election).</summary>
    Task<BallotElection?> FindAsync(ElectionKey key, CancellationToken cancellationToken);
}
