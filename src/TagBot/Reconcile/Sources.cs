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

    /// <summary>The members of the GitHub teams the policy names, as read now (<see cref="TeamSources"/>), or frozen with an election; null: not read.</summary>
    public Core.Teams.TeamMembers? Teams { get; init; }

    /// <summary>The user IDs GitHub gave with the teams' members (login → ID): an election freezes them without a lookup each.</summary>
    public IReadOnlyDictionary<string, long> TeamIds { get; init; } = new Dictionary<string, long>();

    /// <summary>The warnings about teams that could not be read now (also in <see cref="Warnings"/>): moot for an election frozen with its teams.</summary>
    public IReadOnlyList<string> TeamWarnings { get; init; } = [];

    /// <summary>Whether the policy names a team that could not be read: an election must not freeze without its members.</summary>
    public bool TeamsMissing => Teams is { Unreadable.Count: > 0 };

    /// <summary>Whether the policy names an electorate file that did not load: an election must not freeze without its voters.</summary>
    public bool ElectorateMissing => Policy?.Elections.Electorate is not null && Electorate is null;
}
