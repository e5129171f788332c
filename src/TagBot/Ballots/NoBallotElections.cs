namespace TagBot.Ballots;

/// <summary>Until the election flow registers its own, no issue holds a secret-ballot election.</summary>
internal sealed class NoBallotElections : IBallotElections
{
    public Task<BallotElection?> FindAsync(ElectionKey key, CancellationToken cancellationToken) => Task.FromResult<BallotElection?>(null);
}
