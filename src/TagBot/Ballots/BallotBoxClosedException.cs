namespace TagBot.Ballots;

/// <summary>A ballot arrived after its election's box was closed: it is not stored.</summary>
public sealed class BallotBoxClosedException(ElectionKey key) : InvalidOperationException($"Voting in {key} has closed.")
{
    public ElectionKey Key { get; } = key;
}
