using TagBot.Core.Policies.Rules;
using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>
/// The <c>roles:</c> map: each entry is merged over the default role of that id, or over
/// <see cref="RolePolicy.Template"/> for a role the file adds; <c>ROLE: null</c> removes a default role (a group
/// with chairs and no tech leads writes <c>tech_lead: null</c>, and a <c>markdown-table</c> roster then needs no
/// tech lead table).
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
            if (value.IsNull)
            {
                if (!roles.Remove(id))
                {
                    r.Report(keyNode, $"`{id}: null` removes a default role, but '{id}' is not one ({string.Join(", ", defaults.Keys)}); "
                        + "to add a role with the default settings write `{id}: {{}}`");
                }
                continue;
            }
            roles[id] = RoleReader.Read(r, value, roles.GetValueOrDefault(id) ?? RolePolicy.Template);
        }
        return roles;
    }
}
