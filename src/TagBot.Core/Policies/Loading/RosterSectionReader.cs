using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>The <c>roster:</c> section: where the roster file is and how it is written.</summary>
internal static class RosterSectionReader
{
    private const string Section = "roster";

    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of(Section);

    public static RosterSettings Read(ConfigNodeReader r, ConfigNode node, RosterSettings roster)
    {
        foreach (var (key, value) in r.Fields(node, Keys))
        {
            switch (key)
            {
                case "path":
                    roster = r.TryName(value, out var path) ? roster with { Path = path } : roster;
                    break;
                case "format":
                    roster = r.TryChoice(value, RosterFormats.ByName, out var format) ? roster with { Format = format } : roster;
                    break;
                case "entry":
                    roster = r.TryOptionalName(value, out var entry) ? roster with { Entry = entry } : roster;
                    break;
                case "members_path":
                    roster = r.TryOptionalName(value, out var members) ? roster with { MembersPath = members } : roster;
                    break;
                default:
                    throw SectionKeys.Unread(Section, key);
            }
        }
        return roster;
    }
}
