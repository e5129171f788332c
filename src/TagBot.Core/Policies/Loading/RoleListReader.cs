using TagBot.Core.Teams;
using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>
/// A list of roster role names (<c>voters</c>, <c>chairs</c>, <c>elections.candidates</c>, ...), duplicates dropped.
/// Where <paramref name="teams"/> allows, an entry may instead name a GitHub team, <c>team:ORG/SLUG</c>, kept in lower case;
/// a malformed one is an error at its line.
/// </summary>
internal static class RoleListReader
{
    public static IReadOnlyList<string> Read(ConfigNodeReader r, ConfigNode node, IReadOnlyList<string> names, bool teams = true)
    {
        if (!r.TryStringList(node, out var items))
        {
            return names;
        }

        var entries = new List<string>();
        foreach (var (value, item) in items)
        {
            if (!TeamName.IsTeam(value))
            {
                entries.Add(value);
            }
            else if (!teams)
            {
                r.Report(item, $"'{value}' is a GitHub team, but only roles under roles (which have terms) can be listed here");
            }
            else if (TeamName.Parse(value, out var problem) is { } team)
            {
                entries.Add(team.Entry);
            }
            else
            {
                r.Report(item, problem!);
            }
        }

        return [.. entries.Distinct(StringComparer.Ordinal)];
    }
}
