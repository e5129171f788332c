namespace TagBot.Core.Policies;

/// <summary>How an election's votes are cast (<c>elections.ballot</c>).</summary>
public enum BallotMode
{
    /// <summary>Public <c>/support</c> and <c>/object</c> comments are the votes (<c>comments</c>, the default).</summary>
    Comments,

    /// <summary>
    /// Comments nominate and endorse; once voting opens, each voter casts a secret ballot on TagBot's ballot page
    /// (<c>secret</c>), counted at the close.
    /// </summary>
    Secret,
}
