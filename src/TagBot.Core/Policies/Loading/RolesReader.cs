using TagBot.Core.Policies.Rules;
using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>
/// The <c>roles:</c> map: each entry is merged over the default role of that id, or over
/// <see cref="RolePolicy.Template"/> for a role the file adds.
/// </summary>
internal static class RolesReader
{
    public static Dictionary<string, RolePolicy> Read(
        ConfigNodeReader r, ConfigNode node, IReadOnlyDictionary<string, RolePolicy> defaults)
    {
        var roles = defaults.ToDictionary(StringComparer.Ordinal);
        foreach (var (id, keyNode, value) in r.Entries(node))
        {
            if (!defaults.ContainsKey(id) && KeySuggester.Suggest(id, defaults.Keys) is { } near)
            {
                // A new role is allowed, but one this close to an existing role is almost surely a typo.
                r.Report(keyNode, $"unknown role '{id}'; did you mean '{near}'? (a new role needs a name that is not this close to an existing one)");
                continue;
            }
            if (!ValueRules.IsRoleId(id))
            {
                r.Report(keyNode, $"role id '{id}' may contain only letters, digits, '_' and '-'");
                continue;
            }
            roles[id] = RoleReader.Read(r, value, roles.GetValueOrDefault(id) ?? RolePolicy.Template);
        }
        return roles;
    }
}
