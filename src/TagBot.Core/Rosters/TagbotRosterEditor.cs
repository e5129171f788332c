using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// Edits a roster in the <c>tagbot</c> format in place: new holders are appended to
/// <c>roles.ROLE</c>, new people to <c>people</c>, retirements removed from their role and appended to
/// <c>emeritus</c>, each written like the item before it (like the first holder of any role for an empty
/// list, or in one-line flow maps for an empty roster); keys that do not exist yet are added after the last entry of
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
        // Checked on the file as it is, so that an error names the line the operator sees.
        foreach (var operation in plan.Operations)
        {
            if (AliasBlock(Root(text)!, operation) is { Text: null } blocked)
            {
                var key = $"roles.{operation.Role}";
                return RosterEditResult.Failure([Error(file, blocked.Blocker, key, $"`{key}` {blocked.Why}")]);
            }
        }

        var people = new HashSet<string>(roster.People.Keys, Login.Comparer);
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
                yield return (role, (text, root) => ReplaceTerm(text, root!, reseat));
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
        return YamlBlockEdits.Remove(text, key, (YamlList)list, Holder(root!, retire).Item);
    }

    private static YamlEdit ReplaceTerm(string text, YamlMap root, RosterOperation.Reseat reseat) =>
        YamlBlockEdits.ReplaceTerm(text, Holder(root, reseat).Map, reseat.NewTerm);

    /// <summary>
    /// Why an operation cannot be written without rewriting aliases, or an empty edit when it can: removing an
    /// anchored entry would leave its aliases pointing at nothing (invalid YAML), and a new term written in a shared
    /// entry would change it everywhere it is used. An alias item itself (<c>- *kevin</c>) can be removed.
    /// </summary>
    private static YamlEdit? AliasBlock(YamlMap root, RosterOperation operation)
    {
        if (operation is not (RosterOperation.Retire or RosterOperation.Reseat))
        {
            return null;
        }

        var (item, map) = Holder(root, operation);
        var who = operation.GitHub;
        if (item != map)
        {
            return operation is RosterOperation.Reseat
                ? (YamlEdit?)new YamlEdit(null, item, $"lists {who} as an alias (`*{item.AliasOf}`) of an entry written elsewhere, so their term "
                    + $"cannot change here alone. Write the entry out in place of `*{item.AliasOf}`, then TagBot can edit the file")
                : null;
        }

        return root.AliasesInto(map).FirstOrDefault() is { } alias
            ? (YamlEdit?)new YamlEdit(null, alias, operation is RosterOperation.Retire
                ? $"cannot lose {who}'s entry: it is anchored (`&{alias.AliasOf}`) and used again on this line (`*{alias.AliasOf}`). "
                    + $"TagBot does not rewrite aliases: write the entry out in place of `*{alias.AliasOf}`, then TagBot can edit the file"
                : $"shares {who}'s entry (`*{alias.AliasOf}` on this line), so a new term would change it here too. "
                    + $"Write the entry out in place of `*{alias.AliasOf}`, then TagBot can edit the file")
            : null;
    }

    private static YamlEdit AddEmeritus(string text, YamlMap? root, RosterOperation.Retire retire) =>
        YamlBlockEdits.Append(text, root, ["emeritus"], StyleOf(text, root?["emeritus"] as YamlList, EmeritusStyle),
            [new("github", retire.GitHub), new("role", retire.Role), YamlField.Term(retire.Term)]);

    /// <summary>
    /// The list item of <paramref name="operation"/>'s holder (the plan checked that the roster lists them) and the
    /// map it stands for: the item itself, or the anchored entry an alias item (<c>- *kevin</c>) refers to.
    /// </summary>
    private static (YamlSyntax Item, YamlMap Map) Holder(YamlMap root, RosterOperation operation) =>
        ((YamlList)Roles(root)![operation.Role]!).Items
            .Select(item => (Item: item, Map: root.Resolve(item) as YamlMap))
            .Where(h => h.Map?["github"] is YamlScalar login && Login.Comparer.Equals(login.Value.Trim(), operation.GitHub))
            .Select(h => (h.Item, h.Map!))
            .First();

    /// <summary>The style of the list's last item, the neighbour a new item should look like.</summary>
    private static YamlItemStyle StyleOf(string text, YamlList? list, YamlItemStyle fallback) =>
        list?.Items.OfType<YamlMap>().LastOrDefault() is { } last ? YamlItemStyle.Of(text, last) : fallback;

    /// <summary>Where an error about a role points: its key, or <c>roles</c>, or the top of the file.</summary>
    private static YamlSyntax? RoleKey(YamlMap? root, string role) => Roles(root)?.Entry(role)?.Key ?? root?.Entry("roles")?.Key;

    private static ConfigError Error(string file, YamlSyntax? at, string key, string message) =>
        new(file, at?.Position.Line ?? 1, at?.Position.Column ?? 1, key, message);
}
