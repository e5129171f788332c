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

    /// <summary>The electorate file (<c>elections.electorate</c>) when it was read and loads; null otherwise (the warnings say why).</summary>
    public ElectorateFile? Electorate { get; init; }

    /// <summary>Whether the policy names an electorate file that did not load: an election must not freeze without its voters.</summary>
    public bool ElectorateMissing => Policy?.Elections.Electorate is not null && Electorate is null;
}
