using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// Edits a roster in the <c>tagbot</c> format (SPEC §3) in place: new holders are appended to
/// <c>roles.ROLE</c>, new people to <c>people</c>, retirements removed from their role and appended to
/// <c>emeritus</c>, each written like the item before it (like the first holder of any role for an empty
/// list, or as in SPEC §3 for an empty roster); keys that do not exist yet are added after the last entry of
/// the map they belong to. A person already in <c>people</c> is left as written.
/// </summary>
internal static class TagbotRosterEditor
{
    private static readonly YamlItemStyle HolderStyle = YamlItemStyle.Flow("github", "term");
    private static readonly YamlItemStyle PersonStyle = YamlItemStyle.Flow("github", "name", "company", "region");
    private static readonly YamlItemStyle EmeritusStyle = YamlItemStyle.Flow("github", "role", "term");

    public static RosterEditResult Apply(string text, string file, RosterChange change)
    {
        var read = RosterReader.Read(text, file);
        if (read.Roster is not { } roster)
        {
            return RosterEditResult.Failure(read.Errors);
        }
        var plan = RosterChangePlan.Make(roster, change, keepsEmeritus: true);
        if (plan.Problems.Count > 0)
        {
            return RosterEditResult.Failure(plan.Problems.Select(p =>
                Error(file, RoleKey(Root(text), p.Operation.Role), $"roles.{p.Operation.Role}", p.Message)));
        }
        var people = new HashSet<string>(roster.People.Keys, GitHubLogin.Comparer);
        foreach (var (key, step) in plan.Operations.SelectMany(o => Steps(o, people)))
        {
            var edit = step(text, Root(text));
            if (edit.Text is null)
            {
                return RosterEditResult.Failure([Error(file, edit.Blocker, key, $"`{key}` {edit.Why}")]);
            }
            text = edit.Text;
        }
        return RosterEditResult.Success(text);
    }

    /// <summary>The edits that make up <paramref name="operation"/>, each with the key it edits, applied one after another.</summary>
    private static IEnumerable<(string Key, Func<string, YamlMap?, YamlEdit> Edit)> Steps(RosterOperation operation, HashSet<string> people)
    {
        var role = $"roles.{operation.Role}";
        switch (operation)
        {
            case RosterOperation.Seat seat:
                if (seat.Person is { } person && people.Add(seat.GitHub))
                {
                    yield return ("people", (text, root) => AddPerson(text, root, seat.GitHub, person));
                }
                yield return (role, (text, root) => AddHolder(text, root, seat));
                break;
            case RosterOperation.Retire retire:
                yield return (role, (text, root) => RemoveHolder(text, root, retire));
                yield return ("emeritus", (text, root) => AddEmeritus(text, root, retire));
                break;
            case RosterOperation.Reseat reseat:
                yield return (role, (text, root) => YamlBlockEdits.ReplaceTerm(text, Holder(root, reseat), reseat.NewTerm));
                break;
            default:
                throw new ArgumentException($"Unknown roster operation {operation}.", nameof(operation));
        }
    }

    private static YamlMap? Root(string text) => YamlSyntax.Parse(text) as YamlMap;

    private static YamlMap? Roles(YamlMap? root) => root?["roles"] as YamlMap;

    private static YamlEdit AddPerson(string text, YamlMap? root, string login, Person person) =>
        YamlBlockEdits.Append(text, root, ["people"], StyleOf(text, root?["people"] as YamlList, PersonStyle),
            [new("github", login), new("name", person.Name), new("company", person.Company), new("region", person.Region)]);

    private static YamlEdit AddHolder(string text, YamlMap? root, RosterOperation.Seat seat)
    {
        var roles = Roles(root);
        var anyHolder = roles?.Entries.Select(e => e.Value).OfType<YamlList>().SelectMany(l => l.Items).OfType<YamlMap>().FirstOrDefault();
        var style = StyleOf(text, roles?[seat.Role] as YamlList, anyHolder is null ? HolderStyle : YamlItemStyle.Of(text, anyHolder));
        return YamlBlockEdits.Append(text, root, ["roles", seat.Role], style, [new("github", seat.GitHub), YamlField.Term(seat.Term)]);
    }

    private static YamlEdit RemoveHolder(string text, YamlMap? root, RosterOperation.Retire retire)
    {
        var (key, list) = Roles(root)!.Entry(retire.Role)!.Value;
        return YamlBlockEdits.Remove(text, key, (YamlList)list, Holder(root, retire));
    }

    private static YamlEdit AddEmeritus(string text, YamlMap? root, RosterOperation.Retire retire) =>
        YamlBlockEdits.Append(text, root, ["emeritus"], StyleOf(text, root?["emeritus"] as YamlList, EmeritusStyle),
            [new("github", retire.GitHub), new("role", retire.Role), YamlField.Term(retire.Term)]);

    /// <summary>The item of <paramref name="operation"/>'s holder (the plan checked that the roster lists them).</summary>
    private static YamlMap Holder(YamlMap? root, RosterOperation operation) =>
        ((YamlList)Roles(root)![operation.Role]!).Find("github", operation.GitHub, GitHubLogin.Comparer)!;

    /// <summary>The style of the list's last item, the neighbour a new item should look like.</summary>
    private static YamlItemStyle StyleOf(string text, YamlList? list, YamlItemStyle fallback) =>
        list?.Items.OfType<YamlMap>().LastOrDefault() is { } last ? YamlItemStyle.Of(text, last) : fallback;

    /// <summary>Where an error about a role points: its key, or <c>roles</c>, or the top of the file.</summary>
    private static YamlSyntax? RoleKey(YamlMap? root, string role) => Roles(root)?.Entry(role)?.Key ?? root?.Entry("roles")?.Key;

    private static ConfigError Error(string file, YamlSyntax? at, string key, string message) =>
        new(file, at?.Position.Line ?? 1, at?.Position.Column ?? 1, key, message);
}
