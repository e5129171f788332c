namespace TagBot.Core.Elections;

/// <summary>The state of the election's roster pull request, as the host finds it on GitHub.</summary>
public enum RosterPullRequestState
{
    /// <summary>There is none (yet).</summary>
    None,

    /// <summary>Open, waiting for review (<c>roster/pr-open</c>).</summary>
    Open,

    /// <summary>Merged: the roster is updated (<c>roster/updated</c>).</summary>
    Merged,

    /// <summary>Closed without merging: the issue keeps <c>election/closed</c> only.</summary>
    ClosedUnmerged,
}
