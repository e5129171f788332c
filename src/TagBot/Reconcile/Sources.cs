using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Reconcile;

/// <summary>
/// The policy (null when none is valid), the roster, the roster file's text (what a roster pull
/// request edits; null when missing), and what went wrong loading them.
/// </summary>
public sealed record Sources(Policy? Policy, Roster Roster, IReadOnlyList<string> Warnings, string? RosterText = null)
{
    /// <summary>The files read, with their blob SHAs: what an election freezes, and what tells it the files changed since.</summary>
    public IReadOnlyList<Core.Elections.Record.FrozenFile> Files { get; init; } = [];
}
