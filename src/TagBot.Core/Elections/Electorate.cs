using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>Whose positions are binding: holders of <see cref="Roles"/> (<c>voters</c>), <see cref="People"/> people in the roster.</summary>
public sealed record Electorate(IReadOnlyList<string> Roles, int People)
{
    public static Electorate Of(Policy policy, Roster roster) => new(
        policy.Voters,
        roster.Roles.Where(r => policy.Voters.Contains(r.Key, StringComparer.Ordinal))
            .SelectMany(r => r.Value)
            .Select(h => h.GitHub)
            .Distinct()
            .Count());
}
