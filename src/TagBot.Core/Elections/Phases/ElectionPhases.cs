using TagBot.Core.Policies;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Phases;

/// <summary>
/// When an election's phases end: nominations (<c>/nominate</c>, <c>/accept</c>, <c>/decline</c>), then
/// voting, at whose end the election closes by itself; and the earliest moment a chair may close it.
/// Each deadline comes from the issue body when it gives one, else from the policy as days from the
/// opening (the freeze), else there is none.
/// </summary>
/// <param name="Problems">Lines of the body TagBot cannot read as times; shown, and the election waits for a chair.</param>
public sealed record ElectionPhases(DateTimeOffset? NominationsClose, DateTimeOffset? VotingCloses, DateTimeOffset? EarliestClose, IReadOnlyList<string> Problems)
{
    public static readonly IReadOnlyList<string> NominationNames = ["nominations close", "nominations closes", "nomination deadline"];

    public static readonly IReadOnlyList<string> VotingNames = ["voting closes", "voting close", "voting deadline"];

    public static ElectionPhases None { get; } = new(null, null, null, []);

    /// <summary>The phases of a frozen election: its record's deadlines, and the policy's minimum open time from its freeze.</summary>
    public static ElectionPhases Of(Record.ElectionRecord? record, ElectionPolicy rules) => record is null
        ? None
        : new ElectionPhases(record.NominationsClose, record.VotingCloses,
            rules.MinOpenDays > 0 ? record.FrozenAt.AddDays(rules.MinOpenDays) : null, []);

    /// <summary>The deadlines as the issue body gives them, else as the policy's days from <paramref name="openedAt"/>: what a freeze records.</summary>
    public static ElectionPhases FromBody(string? body, ElectionPolicy rules, DateTimeOffset openedAt)
    {
        var problems = new List<string>();
        var nominations = Deadline(body, NominationNames, "nominations close", rules.NominationsDays, openedAt, problems);
        var voting = Deadline(body, VotingNames, "voting closes", rules.VotingDays, openedAt, problems);
        if (nominations is { } n && voting is { } v && n > v)
        {
            problems.Add($"nominations close ({Dates.Moment(n)}) after voting closes ({Dates.Moment(v)}): TagBot reads nominations as closing with the vote.");
            nominations = voting;
        }

        var earliest = rules.MinOpenDays > 0 ? openedAt.AddDays(rules.MinOpenDays) : (DateTimeOffset?)null;
        return new ElectionPhases(nominations, voting, earliest, problems);
    }

    public bool NominationsClosedAt(DateTimeOffset at) => NominationsClose is { } n && at >= n;

    public bool VotingClosedAt(DateTimeOffset at) => VotingCloses is { } v && at >= v;

    /// <summary>The deadlines in a sentence: "Nominations close 2026-12-10 17:00 UTC; voting closes 2026-12-17 17:00 UTC."</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (NominationsClose is { } n)
        {
            parts.Add("nominations close " + Dates.Moment(n));
        }

        if (VotingCloses is { } v)
        {
            parts.Add("voting closes " + Dates.Moment(v));
        }

        if (EarliestClose is { } e)
        {
            parts.Add("a chair may close from " + Dates.Moment(e));
        }

        return parts.Count == 0 ? "" : char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..] + ".";
    }

    private static DateTimeOffset? Deadline(
        string? body, IReadOnlyList<string> names, string name, int? days, DateTimeOffset openedAt, List<string> problems)
    {
        var given = PhaseLine.Values(body, names).Where(v => v.Length > 0 && v != "_No response_").ToList();
        if (given.Count > 0)
        {
            var moments = given.Select(v => PhaseLine.TryParse(v, out var m) ? m : (DateTimeOffset?)null).ToList();
            if (moments.Any(m => m is null) || moments.Distinct().Count() > 1)
            {
                problems.Add($"the issue body says `{name}: {given[0]}`{(given.Count > 1 ? " (and more)" : "")}, which TagBot cannot read as one time. "
                    + "Write one line such as `" + name + ": 2026-12-17 17:00 UTC` (UTC; a day alone means the end of that day).");
                return null;
            }

            return moments[0];
        }

        return days is { } d ? openedAt.AddDays(d) : null;
    }
}
