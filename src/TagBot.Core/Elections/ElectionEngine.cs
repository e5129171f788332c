using TagBot.Core.Governance;
using TagBot.Core.Issues;

namespace TagBot.Core.Elections;

/// <summary>
/// The election rules as one pure function of (policy, roster, issue, comments). Comments by people
/// are replayed in creation order (<see cref="ElectionReplay"/>); each person's latest command about a
/// nominee is their position; the first valid <c>/close-election</c> freezes the tally, and the result
/// is computed as of it. See <c>README.md</c> in this folder for every rule the specification left open.
/// </summary>
public static class ElectionEngine
{
    /// <param name="now">Unused today (elections have no time-based transitions); kept so hosts call every engine alike.</param>
    public static ElectionTally Tally(Authority authority, IssueSnapshot issue, ElectionContext context, DateTimeOffset now, Func<string> help)
    {
        _ = now;
        return new ElectionReplay(authority, issue, context, help).Run();
    }
}
