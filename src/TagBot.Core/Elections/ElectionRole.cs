using System.Text.RegularExpressions;
using TagBot.Core.Policies;

namespace TagBot.Core.Elections;

/// <summary>
/// Which role an election fills: a line <c>role: X</c> of the issue body (alone on its line; the word
/// <c>role</c> in any case, X optionally in backticks), else <c>elections.role</c>.
/// </summary>
public static partial class ElectionRole
{
    [GeneratedRegex(@"^role\s*:\s*`?(?<role>[A-Za-z0-9_-]+)`?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleLine();

    /// <summary>The role, and a problem when the body names an unknown role or two different roles.</summary>
    public static (string Role, string? Problem) Resolve(string? issueBody, Policy policy)
    {
        var named = (issueBody ?? "")
            .Split(["\r\n", "\n", "\r"], StringSplitOptions.None)
            .Select(line => RoleLine().Match(line.Trim()))
            .Where(m => m.Success)
            .Select(m => m.Groups["role"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var known = List(policy.Roles.Keys);
        switch (named.Count)
        {
            case 0:
                return policy.Roles.ContainsKey(policy.Elections.Role)
                    ? (policy.Elections.Role, null)
                    : (policy.Elections.Role, $"`elections.role` is `{policy.Elections.Role}`, which is not in the policy's roles ({known}).");
            case 1 when policy.Roles.ContainsKey(named[0]):
                return (named[0], null);
            case 1:
                return (named[0], $"the issue body says `role: {named[0]}`, but the policy has no such role ({known}). "
                    + "Edit the issue body to name one of them.");
            default:
                return (named[0], $"the issue body names several roles ({List(named)}). "
                    + "Edit it to keep one `role:` line.");
        }
    }

    private static string List(IEnumerable<string> roles) => Governance.Authority.List(roles);
}
