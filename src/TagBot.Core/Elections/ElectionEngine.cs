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
    /// <param name="now">The moment of the decision: an election whose voting deadline has passed is closed as of that deadline.</param>
    public static ElectionTally Tally(Authority authority, IssueSnapshot issue, ElectionContext context, DateTimeOffset now, Func<string> help) =>
        new ElectionReplay(authority, issue, context, now, help).Run();
}
