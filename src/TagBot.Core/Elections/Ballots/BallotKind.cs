namespace TagBot.Core.Elections.Ballots;

/// <summary>How a secret ballot is marked (<c>elections.ballot_type</c>).</summary>
public enum BallotKind
{
    /// <summary>Each voter approves any number of candidates; the most approved win.</summary>
    Approval,

    /// <summary>Each voter ranks candidates; counted by Schulze into a full order.</summary>
    Ranked,
}
