namespace TagBot.Core.Governance;

/// <summary>A roster pull request to close because its result was undone: its branch, and the comment that says why.</summary>
public sealed record RosterPullRequestClosure(string Branch, string Comment)
{
    /// <summary>What the ledger remembers, so the pull request is closed once even if someone reopens it by hand.</summary>
    public string Key => "close-pr:" + Branch;
}
