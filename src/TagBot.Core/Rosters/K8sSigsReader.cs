using TagBot.Core.Policies;
using TagBot.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Rosters;

/// <summary>
/// Reads the leadership of one group of kubernetes/community's <c>sigs.yaml</c> (roster format <c>k8s-sigs</c>):
/// the item of <c>sigs</c>, <c>workinggroups</c>, <c>committees</c> or <c>usergroups</c> whose <c>dir</c> is the
/// policy's <c>roster.entry</c>. <c>leadership.chairs</c> and <c>leadership.tech_leads</c> are the roles
/// <c>chair</c> and <c>tech_lead</c>; <c>leadership.emeritus_leads</c> are former leads, not role holders, and are
/// not read as a role. A leader is <c>github</c>, <c>name</c>, <c>company</c>, <c>email</c> and nothing else: the
/// Kubernetes generator decodes the file with known fields only, so any other key (a <c>term</c>, say) would break
/// the project's build, and TagBot reports it as an error in the group it reads. The file records no terms and no
/// regions; <c>roster.members_path</c> adds regions and members (see <see cref="RosterMerge"/>). Problems outside the
/// group belong to other groups and are warnings.
/// </summary>
public static class K8sSigsReader
{
    /// <summary>The top-level lists of groups, as the generator's <c>Context</c> names them.</summary>
    internal static readonly string[] GroupLists = ["sigs", "workinggroups", "committees", "usergroups"];

    /// <summary>The lists of <c>leadership</c>, as the generator's <c>LeadershipGroup</c> names them.</summary>
    internal static readonly string[] LeadershipKeys = ["chairs", "tech_leads", EmeritusKey];

    /// <summary>The fields of a person, as the generator's <c>Person</c> names them.</summary>
    internal static readonly string[] PersonKeys = ["github", "name", "company", "email"];

    internal const string EmeritusKey = "emeritus_leads";

    /// <param name="yamlText">The file's text.</param>
    /// <param name="fileName">The file's repository path, for error messages.</param>
    /// <param name="dir">The <c>dir</c> of the group to read, e.g. <c>sig-architecture</c>.</param>
    public static RosterLoadResult Read(string? yamlText, string fileName, string dir)
    {
        var r = new ConfigNodeReader(fileName);
        var root = r.ParseDocument(yamlText);
        var groups = root is { Node: YamlMappingNode } document ? Groups(document).ToList() : [];
        if (root is { Node: not YamlMappingNode } notMap)
        {
            r.Report(notMap, $"expected a map with {string.Join(", ", GroupLists)} at the top of the file, found {notMap.Describe()}");
        }
        var matches = groups.Where(g => Dir(g) == dir).ToList();
        if (matches.Count == 0 && root is { Node: YamlMappingNode })
        {
            var suggestion = KeySuggester.Suggest(dir, groups.Select(Dir).OfType<string>().ToList());
            r.Report(new Mark(0, 1, 1), "", $"no group with `dir: {dir}` under {string.Join(", ", GroupLists)}"
                + (suggestion is null ? "" : $"; did you mean `{suggestion}`?"));
        }
        foreach (var duplicate in matches.Skip(1))
        {
            r.Report(duplicate, $"another group has `dir: {dir}` (line {matches[0].Start.Line}); TagBot cannot tell which one to edit");
        }
        var roster = matches.Count == 1 ? ReadLeadership(r, matches[0]) : null;
        var (errors, warnings) = matches.Count == 1 ? Partition(r.Errors, matches[0].Path) : (r.Errors, []);
        return errors.Count > 0
            ? new RosterLoadResult(null, errors) { Warnings = warnings }
            : new RosterLoadResult(roster, []) { Warnings = warnings };
    }

    /// <summary>The role of a leadership list (<c>chairs</c> → <c>chair</c>), or null for <c>emeritus_leads</c>.</summary>
    internal static string? RoleOf(string listKey) => listKey switch
    {
        "chairs" => "chair",
        "tech_leads" => "tech_lead",
        _ => null,
    };

    /// <summary>The leadership list of a role; TagBot knows no other roles in this file.</summary>
    internal static string? ListKey(string role) => role switch
    {
        "chair" => "chairs",
        "tech_lead" => "tech_leads",
        _ => null,
    };

    /// <summary>Problems of the whole file, and of the group, are errors; the rest concern other groups.</summary>
    private static (IReadOnlyList<ConfigError> Errors, IReadOnlyList<ConfigError> Warnings) Partition(IReadOnlyList<ConfigError> all, string groupPath)
    {
        bool Fatal(ConfigError e) => e.Key is ConfigError.FileKey or ""
            || e.Key == groupPath || e.Key.StartsWith(groupPath + ".", StringComparison.Ordinal);
        return ([.. all.Where(Fatal)], [.. all.Where(e => !Fatal(e))]);
    }

    private static IEnumerable<ConfigNode> Groups(ConfigNode root)
    {
        var map = (YamlMappingNode)root.Node;
        foreach (var key in GroupLists)
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var list) && list is YamlSequenceNode items)
            {
                var node = root.Child(key, list);
                foreach (var (item, i) in items.Children.Select((item, i) => (item, i)).Where(e => e.item is YamlMappingNode))
                {
                    yield return node.Item(i, item);
                }
            }
        }
    }

    private static string? Dir(ConfigNode group) =>
        ((YamlMappingNode)group.Node).Children.TryGetValue(new YamlScalarNode("dir"), out var dir) ? (dir as YamlScalarNode)?.Value : null;

    private static Roster ReadLeadership(ConfigNodeReader r, ConfigNode group)
    {
        var people = new Dictionary<string, Person>(Login.Comparer);
        var roles = new Dictionary<string, IReadOnlyList<SeatHolder>>(StringComparer.Ordinal);
        foreach (var (_, _, leadership) in r.Entries(group).Where(e => e.Key == "leadership"))
        {
            foreach (var (key, list) in r.Fields(leadership, LeadershipKeys))
            {
                var holders = ReadLeaders(r, list, people, RoleOf(key) is not null);
                if (RoleOf(key) is { } role)
                {
                    roles[role] = holders;
                }
            }
        }
        return new Roster(people.Values, roles, []);
    }

    /// <summary>A list of people; <paramref name="holdsRole"/> false (emeritus) checks them without listing them.</summary>
    private static List<SeatHolder> ReadLeaders(ConfigNodeReader r, ConfigNode list, Dictionary<string, Person> people, bool holdsRole)
    {
        var holders = new List<SeatHolder>();
        var lines = new Dictionary<string, long>(Login.Comparer);
        if (!r.TryList(list, out var items))
        {
            return holders;
        }
        foreach (var item in items)
        {
            if (item.Node is not YamlMappingNode)
            {
                r.Report(item, $"expected a person like {{ github: alice, name: Alice, company: Example, email: alice@example.com }}, found {item.Describe()}");
                continue;
            }
            var fields = r.Fields(item, PersonKeys).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            if (!fields.TryGetValue("github", out var loginNode) || loginNode.IsNull)
            {
                // The generator refuses such an entry too ("github is empty but should be set").
                r.Report(item.Start, $"{item.Path}.github", "missing github login");
                continue;
            }
            if (RosterReader.ReadLogin(r, loginNode) is not { } login)
            {
                continue;
            }
            string? Text(string key) => fields.TryGetValue(key, out var node) && r.TryOptionalName(node, out var text) ? text : null;
            if (lines.TryGetValue(login, out var firstLine))
            {
                r.Report(loginNode, $"'{login}' is already listed here on line {firstLine} (logins compare case-insensitively)");
                continue;
            }
            lines.Add(login, loginNode.Start.Line);
            if (holdsRole)
            {
                holders.Add(new SeatHolder(login, null));
                people.TryAdd(login, new Person(login, Text("name"), Text("company"), null));
            }
        }
        return holders;
    }
}
