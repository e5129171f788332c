using System.Globalization;
using TagBot.Core.Policies;
using TagBot.Core.Status;
using TagBot.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Rosters;

/// <summary>The outcome of <see cref="RosterReader.Read"/>.</summary>
/// <param name="Roster">The roster, or <c>null</c> when the file has any error.</param>
/// <param name="Errors">Every problem found, ordered by position in the file.</param>
public sealed record RosterLoadResult(Roster? Roster, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Roster is not null && Errors.Count == 0;

    /// <summary>Problems that do not keep TagBot from reading or editing what it reads (e.g. in other groups' entries).</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];
}

/// <summary>
/// Reads a roster file in the <c>tagbot</c> format (people, roles, emeritus). Errors use the same style as the policy's, with
/// 0-based list indexes in the key path: <c>roles.tech_lead[2].term.end</c>. Null, empty or comment-only text is
/// an empty roster.
/// </summary>
public static class RosterReader
{
    private static readonly string[] RootKeys = ["people", "roles", "emeritus"];
    private static readonly string[] PersonKeys = ["github", "name", "company", "region"];
    private static readonly string[] HolderKeys = ["github", "term"];
    private static readonly string[] EmeritusKeys = ["github", "role", "term"];
    private static readonly string[] TermKeys = ["start", "end"];

    /// <param name="yamlText">The file's text.</param>
    /// <param name="fileName">The file's repository path, for error messages.</param>
    /// <param name="knownRegions">The policy's regions; when given, a person's region must be one of them.</param>
    public static RosterLoadResult Read(string? yamlText, string fileName, IReadOnlyCollection<string>? knownRegions = null)
    {
        var r = new ConfigNodeReader(fileName);
        var roster = Roster.Empty;
        if (r.ParseDocument(yamlText) is { } root)
        {
            roster = ReadRoot(r, root, knownRegions);
        }
        return r.HasErrors ? new RosterLoadResult(null, r.Errors) : new RosterLoadResult(roster, []);
    }

    private static Roster ReadRoot(ConfigNodeReader r, ConfigNode root, IReadOnlyCollection<string>? knownRegions)
    {
        if (root.Node is not YamlMappingNode)
        {
            r.Report(root, $"expected a map with people, roles and emeritus at the top of the file, found {root.Describe()}");
            return Roster.Empty;
        }
        var people = new List<Person>();
        var roles = new Dictionary<string, IReadOnlyList<SeatHolder>>(StringComparer.Ordinal);
        var emeritus = new List<EmeritusEntry>();
        foreach (var (key, value) in r.Fields(root, RootKeys))
        {
            switch (key)
            {
                case "people":
                    people = ReadPeople(r, value, knownRegions);
                    break;
                case "roles":
                    foreach (var (role, _, holders) in r.Entries(value))
                    {
                        roles[role] = ReadHolders(r, holders);
                    }
                    break;
                case "emeritus":
                    emeritus = ReadEmeritus(r, value);
                    break;
                default:
                    break;
            }
        }
        return new Roster(people, roles, emeritus);
    }

    private static List<Person> ReadPeople(ConfigNodeReader r, ConfigNode node, IReadOnlyCollection<string>? knownRegions)
    {
        var people = new List<Person>();
        var lines = new Dictionary<string, long>(Login.Comparer);
        foreach (var item in Items(r, node, "a person like { github: alice, name: Alice, company: Example, region: EMEA }"))
        {
            string? login = null, name = null, company = null, region = null;
            ConfigNode? loginNode = null;
            foreach (var (key, value) in r.Fields(item, PersonKeys))
            {
                switch (key)
                {
                    case "github":
                        login = ReadLogin(r, value);
                        loginNode = value;
                        break;
                    case "name":
                        r.TryOptionalName(value, out name);
                        break;
                    case "company":
                        r.TryOptionalName(value, out company);
                        break;
                    case "region":
                        r.TryOptionalName(value, out region);
                        region = CheckRegion(r, value, region, knownRegions);
                        break;
                    default:
                        break;
                }
            }
            if (FirstListing(r, item, login, loginNode, lines, "is already listed in people") is { } listed)
            {
                people.Add(new Person(listed, name, company, region));
            }
        }
        return people;
    }

    /// <summary>
    /// The entry's login when it has one and it is the first listing of that login; otherwise
    /// reports what is wrong (missing, or listed before) and returns null.
    /// </summary>
    private static string? FirstListing(
        ConfigNodeReader r, ConfigNode item, string? login, ConfigNode? loginNode, Dictionary<string, long> lines, string duplicate)
    {
        if (loginNode is null)
        {
            r.Report(item.Start, $"{item.Path}.github", "missing github login");
        }

        if (login is null || loginNode is not { } at)
        {
            return null;
        }

        if (lines.TryGetValue(login, out var firstLine))
        {
            r.Report(at, $"'{login}' {duplicate} on line {firstLine} (logins compare case-insensitively)");
            return null;
        }

        lines.Add(login, at.Start.Line);
        return login;
    }

    private static List<SeatHolder> ReadHolders(ConfigNodeReader r, ConfigNode node)
    {
        var holders = new List<SeatHolder>();
        var lines = new Dictionary<string, long>(Login.Comparer);
        foreach (var item in Items(r, node, "a holder like { github: alice, term: { start: 2025-03-01, end: 2027-03-01 } }"))
        {
            string? login = null;
            ConfigNode? loginNode = null;
            Term? term = null;
            foreach (var (key, value) in r.Fields(item, HolderKeys))
            {
                switch (key)
                {
                    case "github":
                        login = ReadLogin(r, value);
                        loginNode = value;
                        break;
                    case "term":
                        term = ReadTerm(r, value);
                        break;
                    default:
                        break;
                }
            }
            if (FirstListing(r, item, login, loginNode, lines, "already holds this role") is { } listed)
            {
                holders.Add(new SeatHolder(listed, term));
            }
        }
        return holders;
    }

    private static List<EmeritusEntry> ReadEmeritus(ConfigNodeReader r, ConfigNode node)
    {
        var entries = new List<EmeritusEntry>();
        foreach (var item in Items(r, node, "an entry like { github: bob, role: tech_lead, term: { start: 2022-03-01, end: 2024-03-01 } }"))
        {
            string? login = null, role = null;
            var hasLogin = false;
            var hasRole = false;
            Term? term = null;
            foreach (var (key, value) in r.Fields(item, EmeritusKeys))
            {
                switch (key)
                {
                    case "github":
                        login = ReadLogin(r, value);
                        hasLogin = true;
                        break;
                    case "role":
                        hasRole = true;
                        if (r.TryName(value, out var name))
                        {
                            role = name;
                        }
                        break;
                    case "term":
                        term = ReadTerm(r, value);
                        break;
                    default:
                        break;
                }
            }
            if (!hasLogin)
            {
                r.Report(item.Start, $"{item.Path}.github", "missing github login");
            }
            if (!hasRole)
            {
                r.Report(item.Start, $"{item.Path}.role", "missing role (the role the person held)");
            }
            if (login is not null && role is not null)
            {
                entries.Add(new EmeritusEntry(login, role, term));
            }
        }
        return entries;
    }

    /// <summary>The map items of a list (a null node is an empty list); other items are reported.</summary>
    private static IEnumerable<ConfigNode> Items(ConfigNodeReader r, ConfigNode node, string example)
    {
        if (!r.TryList(node, out var items))
        {
            yield break;
        }
        foreach (var item in items)
        {
            if (item.Node is YamlMappingNode)
            {
                yield return item;
            }
            else
            {
                r.Report(item, $"expected {example}, found {item.Describe()}");
            }
        }
    }

    internal static string? ReadLogin(ConfigNodeReader r, ConfigNode node)
    {
        if (!r.TryName(node, out var login))
        {
            return null;
        }
        if (Login.Problem(login) is { } problem)
        {
            r.Report(node, problem);
            return null;
        }
        return login;
    }

    private static string? CheckRegion(ConfigNodeReader r, ConfigNode node, string? region, IReadOnlyCollection<string>? knownRegions)
    {
        if (region is null || knownRegions is null)
        {
            return region;
        }
        var known = knownRegions.FirstOrDefault(k => string.Equals(k, region, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            r.Report(node, $"region '{region}' is not one of the policy's regions ({string.Join(", ", knownRegions)})");
        }
        return known ?? region;
    }

    /// <summary>A term <c>{ start: YYYY-MM-DD, end: YYYY-MM-DD }</c>; a null node is no term.</summary>
    internal static Term? ReadTerm(ConfigNodeReader r, ConfigNode node)
    {
        if (node.IsNull)
        {
            return null;
        }
        DateOnly? start = null, end = null;
        ConfigNode? endNode = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in r.Fields(node, TermKeys))
        {
            seen.Add(key);
            var date = ReadDate(r, value);
            if (key == "start")
            {
                start = date;
            }
            else
            {
                (end, endNode) = (date, value);
            }
        }
        if (node.Node is not YamlMappingNode)
        {
            return null;
        }
        foreach (var missing in TermKeys.Where(k => !seen.Contains(k)))
        {
            r.Report(node.Start, $"{node.Path}.{missing}", $"missing {missing} date (YYYY-MM-DD)");
        }
        if (start is not { } s || end is not { } e || endNode is not { } at)
        {
            return null;
        }
        if (e <= s)
        {
            r.Report(at, $"the term ends ({Dates.Day(e)}) on or before it starts ({Dates.Day(s)})");
            return null;
        }
        return new Term(s, e);
    }

    private static DateOnly? ReadDate(ConfigNodeReader r, ConfigNode node)
    {
        if (node.Node is YamlScalarNode { Value: { } text } && !node.IsNull
            && Dates.TryParseDay(text.Trim(), out var date))
        {
            return date;
        }
        r.Report(node, $"expected a date written YYYY-MM-DD, found {node.Describe()}");
        return null;
    }
}
