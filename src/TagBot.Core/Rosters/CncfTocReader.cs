using TagBot.Core.Policies;
using TagBot.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Rosters;

/// <summary>
/// Reads the leadership of one entry of cncf/toc's <c>tags.yaml</c> (roster format <c>cncf-toc</c>): the map,
/// anywhere in the file, whose <c>dir</c> is the policy's <c>roster.entry</c>. Each list under its
/// <c>leadership</c> is a role named by the singular of its key (<c>chairs</c> → <c>chair</c>,
/// <c>tech_leads</c> → <c>tech_lead</c>); its items give the holders (<c>github</c>, <c>term</c>) and people
/// (<c>name</c>, <c>company</c>; the file has no regions, see <see cref="RosterMerge"/>). Other keys
/// (<c>lfx_id</c>, <c>email</c>) are the file's own and are ignored, as are placeholder items without a login.
/// Only the entry is checked: the rest of the file belongs to other groups, so a problem there (a duplicate key
/// in another TAG, as the real file had for a year) is a warning, and only what makes the entry itself
/// ambiguous or unreadable is an error.
/// </summary>
public static class CncfTocReader
{
    /// <param name="yamlText">The file's text.</param>
    /// <param name="fileName">The file's repository path, for error messages.</param>
    /// <param name="entry">The <c>dir</c> of the entry to read, e.g. <c>tag-security</c>.</param>
    public static RosterLoadResult Read(string? yamlText, string fileName, string entry)
    {
        var r = new ConfigNodeReader(fileName);
        var root = r.ParseDocument(yamlText);
        var maps = root is { } document ? Maps(document).ToList() : [];
        var matches = maps.Where(m => Dir(m) == entry).ToList();
        if (matches.Count == 0 && root is not null)
        {
            var suggestion = KeySuggester.Suggest(entry, maps.Select(Dir).OfType<string>().ToList());
            r.Report(new Mark(0, 1, 1), "", $"no entry with `dir: {entry}` in the file" + (suggestion is null ? "" : $"; did you mean `{suggestion}`?"));
        }
        foreach (var duplicate in matches.Skip(1))
        {
            r.Report(duplicate, $"another entry has `dir: {entry}` (line {matches[0].Start.Line}); TagBot cannot tell which one to edit");
        }
        var roster = matches.Count == 1 ? ReadLeadership(r, matches[0]) : null;
        var (errors, warnings) = matches.Count == 1 ? Partition(r.Errors, matches[0].Path) : (r.Errors, []);
        return errors.Count > 0
            ? new RosterLoadResult(null, errors) { Warnings = warnings }
            : new RosterLoadResult(roster, []) { Warnings = warnings };
    }

    /// <summary>
    /// What stays an error: problems of the whole file, and of what TagBot reads in the entry. A key set twice
    /// elsewhere, even in the entry (its <c>mission_statement</c>), changes nothing TagBot reads, so it is a
    /// warning; <c>leadership</c> or <c>dir</c> set twice in the entry is an error, since YAML tools disagree on
    /// which one counts (TagBot would take the first, the CNCF tooling may take the last).
    /// </summary>
    private static (IReadOnlyList<ConfigError> Errors, IReadOnlyList<ConfigError> Warnings) Partition(IReadOnlyList<ConfigError> all, string entryPath)
    {
        static bool Under(string key, string path) =>
            key == path || key.StartsWith(path + ".", StringComparison.Ordinal) || key.StartsWith(path + "[", StringComparison.Ordinal);
        bool Fatal(ConfigError e) => e.Key is ConfigError.FileKey or ""
            || (IsDuplicateKey(e)
                ? Under(e.Key, ConfigNode.Join(entryPath, "leadership")) || e.Key == ConfigNode.Join(entryPath, "dir")
                : Under(e.Key, entryPath));
        return ([.. all.Where(Fatal)], [.. all.Where(e => !Fatal(e))]);
    }

    private static bool IsDuplicateKey(ConfigError error) => error.Message.StartsWith("duplicate key '", StringComparison.Ordinal);

    /// <summary>The <c>leadership</c> key of a role's list: its plural.</summary>
    internal static string ListKey(string role) => role + "s";

    private static string RoleOf(string listKey) => listKey.EndsWith('s') ? listKey[..^1] : listKey;

    /// <summary>Every map in the file, with its path.</summary>
    private static IEnumerable<ConfigNode> Maps(ConfigNode node) => node.Node switch
    {
        YamlMappingNode map => map.Children
            .Where(e => e.Key is YamlScalarNode)
            .SelectMany(e => Maps(node.Child(((YamlScalarNode)e.Key).Value!, e.Value)))
            .Prepend(node),
        YamlSequenceNode list => list.Children.SelectMany((item, i) => Maps(node.Item(i, item))),
        _ => [],
    };

    private static string? Dir(ConfigNode map) =>
        ((YamlMappingNode)map.Node).Children.TryGetValue(new YamlScalarNode("dir"), out var dir) ? (dir as YamlScalarNode)?.Value : null;

    private static Roster ReadLeadership(ConfigNodeReader r, ConfigNode entry)
    {
        var people = new Dictionary<string, Person>(Login.Comparer);
        var roles = new Dictionary<string, IReadOnlyList<SeatHolder>>(StringComparer.Ordinal);
        foreach (var (_, _, leadership) in r.Entries(entry).Where(e => e.Key == "leadership"))
        {
            foreach (var (key, _, list) in r.Entries(leadership))
            {
                roles[RoleOf(key)] = ReadHolders(r, list, people);
            }
        }
        return new Roster(people.Values, roles, []);
    }

    private static List<SeatHolder> ReadHolders(ConfigNodeReader r, ConfigNode list, Dictionary<string, Person> people)
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
                r.Report(item, $"expected a leader like {{ github: alice, name: Alice, company: Example, term: {{ start: …, end: … }} }}, found {item.Describe()}");
                continue;
            }
            var fields = r.Entries(item).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            if (!fields.TryGetValue("github", out var loginNode) || loginNode.IsNull || RosterReader.ReadLogin(r, loginNode) is not { } login)
            {
                continue;
            }
            string? Text(string key) => fields.TryGetValue(key, out var node) && r.TryOptionalName(node, out var text) ? text : null;
            var (name, company) = (Text("name"), Text("company"));
            var term = fields.TryGetValue("term", out var termNode) ? RosterReader.ReadTerm(r, termNode) : null;
            if (lines.TryGetValue(login, out var firstLine))
            {
                r.Report(loginNode, $"'{login}' is already listed here on line {firstLine} (logins compare case-insensitively)");
                continue;
            }
            lines.Add(login, loginNode.Start.Line);
            holders.Add(new SeatHolder(login, term));
            people.TryAdd(login, new Person(login, name, company, null));
        }
        return holders;
    }
}
