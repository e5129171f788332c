using TagBot.Core.Rosters;

namespace TagBot.Core.Policies.Rules;

/// <summary>Rules on a single value of the policy file, beyond its type.</summary>
public static class ValueRules
{
    /// <summary>
    /// <c>elections_per_year</c>: elections are evenly spaced <c>12 / elections_per_year</c> months apart,
    /// so it must be 1, 2, 3, 4, 6 or 12.
    /// </summary>
    public static bool DividesTheYear(int electionsPerYear) =>
        electionsPerYear is >= 1 and <= 12 && 12 % electionsPerYear == 0;

    /// <summary>A role id (a key of <c>roles</c>): letters, digits, '_' and '-', as roster files spell roles.</summary>
    public static bool IsRoleId(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>A reviewer of roster pull requests: a GitHub login, or <c>org/team</c> (a team slug after a valid org).</summary>
    public static bool IsReviewer(string reviewer)
    {
        var slash = reviewer.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? Login.IsValidLogin(reviewer)
            : Login.IsValidLogin(reviewer[..slash])
                && reviewer[(slash + 1)..] is { Length: > 0 } team
                && team.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
    }
}
