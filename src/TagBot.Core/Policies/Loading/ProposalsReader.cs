using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>The <c>proposals:</c> section.</summary>
internal static class ProposalsReader
{
    private const string Section = "proposals";

    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of(Section);

    public static ProposalPolicy Read(ConfigNodeReader r, ConfigNode node, ProposalPolicy proposals)
    {
        foreach (var (key, value) in r.Fields(node, Keys))
        {
            proposals = key switch
            {
                "label" => r.TryName(value, out var label) ? proposals with { Label = label } : proposals,
                "min_discussion_days" => r.TryInt(value, 0, out var days) ? proposals with { MinDiscussionDays = days } : proposals,
                "support_required" => r.TryInt(value, 0, out var support) ? proposals with { SupportRequired = support } : proposals,
                "objections_block" => r.TryBool(value, out var block) ? proposals with { ObjectionsBlock = block } : proposals,
                _ => throw SectionKeys.Unread(Section, key),
            };
        }
        return proposals;
    }
}
