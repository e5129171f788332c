using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>The <c>proposals:</c> section.</summary>
internal static class ProposalsReader
{
    private const string Section = "proposals";

    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of(Section);

    private static readonly Dictionary<string, ProposalElectorate> Electorates = new(StringComparer.Ordinal)
    {
        ["current"] = ProposalElectorate.Current,
        ["frozen"] = ProposalElectorate.Frozen,
    };

    public static ProposalPolicy Read(ConfigNodeReader r, ConfigNode node, ProposalPolicy proposals)
    {
        foreach (var (key, value) in r.Fields(node, Keys))
        {
            proposals = key switch
            {
                "label" => r.TryName(value, out var label) ? proposals with { Label = label } : proposals,
                "min_discussion_days" => r.TryInt(value, 0, out var days) ? proposals with { MinDiscussionDays = days } : proposals,
                "support_required" => SupportRequired(r, value, proposals),
                "quorum" => FractionReader.TryRead(r, value, out var quorum) ? proposals with { Quorum = quorum } : proposals,
                "electorate" => r.TryChoice(value, Electorates, out var electorate) ? proposals with { Electorate = electorate } : proposals,
                "close_when_decided" => r.TryBool(value, out var decided) ? proposals with { CloseWhenDecided = decided } : proposals,
                "objections_block" => r.TryBool(value, out var block) ? proposals with { ObjectionsBlock = block } : proposals,
                _ => throw SectionKeys.Unread(Section, key),
            };
        }
        return proposals;
    }

    /// <summary>A count (<c>2</c>), or a share of the positions cast (<c>2/3</c>) or of the electorate (<c>1/2 of electorate</c>).</summary>
    private static ProposalPolicy SupportRequired(ConfigNodeReader r, ConfigNode value, ProposalPolicy proposals)
    {
        if (value.Node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } text } && !value.IsNull
            && !int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            if (SupportShare.TryParse(text, out var share))
            {
                return proposals with { SupportShare = share };
            }

            r.Report(value, $"expected a whole number ≥ 0 or a share (`2/3` of the binding positions cast, `1/2 of electorate`), found {value.Describe()}");
            return proposals;
        }

        return r.TryInt(value, 0, out var support) ? proposals with { SupportRequired = support, SupportShare = null } : proposals;
    }
}
