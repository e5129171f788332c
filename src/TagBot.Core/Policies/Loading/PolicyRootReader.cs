using TagBot.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Policies.Loading;

/// <summary>The top of <c>.github/tagbot.yml</c>: hands each section to its reader.</summary>
internal static class PolicyRootReader
{
    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of("");

    public static Policy Read(ConfigNodeReader r, ConfigNode root)
    {
        var policy = Policy.Default;
        if (root.Node is not YamlMappingNode)
        {
            r.Report(root, $"expected a map of settings (roster, regions, roles, ...) at the top of the file, found {root.Describe()}");
            return policy;
        }
        foreach (var (key, value) in r.Fields(root, Keys))
        {
            policy = key switch
            {
                "roster" => policy with { Roster = RosterSectionReader.Read(r, value, policy.Roster) },
                "regions" => policy with { Regions = RegionsReader.Read(r, value, policy.Regions) },
                "roles" => policy with { Roles = RolesReader.Read(r, value, policy.Roles) },
                "voters" => policy with { Voters = RoleListReader.Read(r, value, policy.Voters) },
                "chairs" => policy with { Chairs = RoleListReader.Read(r, value, policy.Chairs) },
                "proposals" => policy with { Proposals = ProposalsReader.Read(r, value, policy.Proposals) },
                "elections" => policy with { Elections = ElectionsReader.Read(r, value, policy.Elections) },
                "labels" => policy with { Labels = LabelsReader.Read(r, value, policy.Labels) },
                _ => throw SectionKeys.Unread("", key),
            };
        }
        return policy;
    }
}
