namespace TagBot.Core.Elections;

/// <summary>Where an election stands.</summary>
public enum ElectionStage
{
    /// <summary>Nominations and positions are accepted (<c>election/open</c>).</summary>
    Open,

    /// <summary>Closed, but a tie at the cut-off waits for a chair's <c>/break-tie</c> (<c>election/closed</c> and <c>election/tie</c>).</summary>
    Tie,

    /// <summary>Closed with a final result (<c>election/closed</c>).</summary>
    Closed,
}
