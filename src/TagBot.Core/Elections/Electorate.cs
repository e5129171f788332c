using TagBot.Core.Governance;

namespace TagBot.Core.Elections;

/// <summary>
/// Whose positions are binding: holders of <see cref="Roles"/> (<c>voters</c>), <see cref="People"/> people in the roster;
/// or, with <c>elections.electorate</c>, the <see cref="People"/> logins the file at <see cref="File"/> lists.
/// </summary>
public sealed record Electorate(IReadOnlyList<string> Roles, int People)
{
    /// <summary>The electorate file the policy names (<c>elections.electorate.path</c>); null: the roles decide.</summary>
    public string? File { get; init; }

    /// <summary>The file is named but could not be read: nobody's position is binding (<see cref="People"/> is 0).</summary>
    public bool Unreadable { get; init; }

    public static Electorate Of(Authority authority)
    {
        var policy = authority.Policy;
        if (policy.Elections.Electorate is { } settings)
        {
            return new Electorate([], authority.Electorate?.Voters.Count ?? 0) { File = settings.Path, Unreadable = authority.ElectorateUnreadable };
        }

        return ByRoles(policy, authority.Roster);
    }

    /// <summary>The holders of the <c>voters</c> roles: a proposal's electorate always, an election's without an electorate file.</summary>
    public static Electorate ByRoles(Policies.Policy policy, Rosters.Roster roster) => new(
        policy.Voters,
        roster.Roles.Where(r => policy.Voters.Contains(r.Key, StringComparer.Ordinal))
            .SelectMany(r => r.Value)
            .Select(h => h.GitHub)
            .Distinct()
            .Count());

    /// <summary>Why the election cannot close, or null: an electorate file that cannot be read would elect with nobody's vote.</summary>
    public string? Problem => Unreadable
        ? $"the electorate file `{File}` (`elections.electorate`) cannot be read (the warning at the top of the status comment says why), so no position "
          + "is binding and the election cannot close until it is fixed. Positions are recorded meanwhile and count once the file loads."
        : null;

    /// <summary>The status comment's line: where binding positions come from.</summary>
    public string Describe(string rosterPath) => File is null
        ? $"binding positions come from holders of {Authority.List(Roles)} in `{rosterPath}` ({ElectionText.Plural(People, "person", "people")}); "
          + "everyone else's positions are shown as non-binding."
        : Unreadable
            ? $"the voters listed in `{File}` (`elections.electorate`), which cannot be read: no position is binding until it is fixed."
            : $"binding positions come from the {ElectionText.Plural(People, "voter", "voters")} listed in `{File}` (`elections.electorate`); "
              + "everyone else's positions, roster roles included, are shown as non-binding.";
}
