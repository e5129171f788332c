using TagBot.Core.Policies;
using TagBot.Core.Yaml;

namespace TagBot.Core.Rosters;

/// <summary>
/// Edits the leadership of one group of Kubernetes' <c>sigs.yaml</c> in place (see <see cref="K8sSigsReader"/>), as
/// the Kubernetes generator would leave it: a new lead goes into <c>leadership.chairs</c> / <c>tech_leads</c> at its
/// place in the generator's order (by <c>github</c>, ordinal: the generator sorts with Go's <c>&lt;</c>, so
/// <c>KnVerey</c> comes before <c>alice</c>); a retired lead leaves the list and joins <c>emeritus_leads</c>
/// (created when missing, same order) with only <c>github</c> and <c>name</c>, since the generator rejects an
/// emeritus lead with a company. Only the generator's fields are written (<c>github</c>, <c>name</c>,
/// <c>company</c>, <c>email</c>): the file has no terms, so a reseat changes nothing in it. A person already
/// leading another group is written as that entry is, because the generator requires name, company and email
/// to match across groups; otherwise <c>company:</c> and <c>email:</c> may be left empty, which the generator
/// reports on the pull request until a reviewer fills them in.
/// </summary>
internal static class K8sSigsEditor
{
    private static readonly YamlItemStyle LeaderStyle = YamlItemStyle.Block(K8sSigsReader.PersonKeys);
    private static readonly string[] EmeritusKeys = ["github", "name"];

    public static RosterEditResult Apply(string text, string file, string dir, RosterChange change)
    {
        var read = K8sSigsReader.Read(text, file, dir);
        if (read.Roster is not { } roster)
        {
            return RosterEditResult.Failure(read.Errors);
        }
        var foreign = change.Operations.Where(o => K8sSigsReader.ListKey(o.Role) is null).ToList();
        if (foreign.Count > 0)
        {
            return RosterEditResult.Failure(foreign.Select(o => Error(file, Group(text, dir), o.Role, null,
                $"sigs.yaml keeps only the roles chair (leadership.chairs) and tech_lead (leadership.tech_leads), not `{o.Role}`")));
        }
        var plan = RosterChangePlan.Make(roster, change, keepsEmeritus: false, recordsTerms: _ => false);
        if (plan.Problems.Count > 0)
        {
            return RosterEditResult.Failure(plan.Problems.Select(p => Error(file, Group(text, dir), p.Operation.Role, null, p.Message)));
        }
        foreach (var operation in plan.Operations)
        {
            var edit = operation switch
            {
                RosterOperation.Seat seat => Seat(text, dir, seat),
                RosterOperation.Retire retire => Retire(text, dir, retire),
                // No terms in the file: the plan drops reseats as already in effect, and this keeps it so.
                RosterOperation.Reseat => new YamlEdit(text),
                _ => throw new ArgumentException($"Unknown roster operation {operation}.", nameof(change)),
            };
            if (edit.Text is null)
            {
                return RosterEditResult.Failure([Error(file, Group(text, dir), operation.Role, edit.Blocker, $"`{Path(Group(text, dir), K8sSigsReader.ListKey(operation.Role)!)}` {edit.Why}")]);
            }
            text = edit.Text;
        }
        return RosterEditResult.Success(text);
    }

    private static YamlEdit Seat(string text, string dir, RosterOperation.Seat seat)
    {
        var group = Group(text, dir).Map;
        var key = K8sSigsReader.ListKey(seat.Role)!;
        bool Same(YamlMap m) => Login.Comparer.Equals(Value(m, "github") ?? "", seat.GitHub);
        var known = Leaders(text).FirstOrDefault(Same);
        // A former lead keeps the spelling and name the file gives them (the generator compares names everywhere).
        var former = known ?? Everyone(text).FirstOrDefault(Same);
        var login = former is null ? seat.GitHub : Value(former, "github")!;
        IReadOnlyList<YamlField> person =
        [
            new("github", login),
            new("name", former is null ? seat.Person?.Name : Value(former, "name") ?? seat.Person?.Name),
            new("company", known is null ? seat.Person?.Company : Value(known, "company")),
            new("email", known is null ? null : Value(known, "email")),
        ];
        var edit = InsertInOrder(text, group, key, LeaderStyleIn(text, group, key), person);
        if (edit.Text is not { } seated || Find(seated, dir, K8sSigsReader.EmeritusKey, login) is not { } emeritus)
        {
            return edit;
        }
        // A returning lead is no longer emeritus.
        return YamlBlockEdits.Remove(seated, emeritus.Key, emeritus.List, emeritus.Item);
    }

    private static YamlEdit Retire(string text, string dir, RosterOperation.Retire retire)
    {
        var key = K8sSigsReader.ListKey(retire.Role)!;
        var (listKey, list, item) = Find(text, dir, key, retire.GitHub)!.Value;
        var person = new List<YamlField> { new("github", Value(item, "github")), new("name", Value(item, "name")) };
        var removed = YamlBlockEdits.Remove(text, listKey, list, item);
        if (removed.Text is not { } after)
        {
            return removed;
        }
        // Emeritus means no longer a lead of the group: someone who still chairs it is not emeritus for leaving tech_leads.
        var stillLeads = K8sSigsReader.LeadershipKeys.Where(k => K8sSigsReader.RoleOf(k) is not null).Any(k => Find(after, dir, k, retire.GitHub) is not null);
        if (stillLeads || Find(after, dir, K8sSigsReader.EmeritusKey, retire.GitHub) is not null)
        {
            return after;
        }
        var group = Group(after, dir).Map;
        var style = ((group["leadership"] as YamlMap)?[K8sSigsReader.EmeritusKey] as YamlList)?.Items.OfType<YamlMap>().LastOrDefault() is { } template
            ? YamlItemStyle.Of(after, template) with { Keys = EmeritusKeys }
            : YamlItemStyle.Of(after, item) with { Keys = EmeritusKeys };
        return InsertInOrder(after, group, K8sSigsReader.EmeritusKey, style, person);
    }

    /// <summary>Before the first item whose login sorts after the new one (ordinal, as the generator sorts), else at the end.</summary>
    private static YamlEdit InsertInOrder(string text, YamlMap group, string key, YamlItemStyle style, IReadOnlyList<YamlField> person)
    {
        var login = person[0].Value!;
        if ((group["leadership"] as YamlMap)?[key] is YamlList { IsFlow: false, IsEmpty: false } list
            && list.Items.OfType<YamlMap>().FirstOrDefault(m => string.CompareOrdinal(Value(m, "github"), login) > 0) is { } next)
        {
            return YamlBlockEdits.InsertBefore(text, list, next, style, person);
        }
        return YamlBlockEdits.Append(text, group, ["leadership", key], style, person);
    }

    /// <summary>Like the last lead of the list, else of the group's other lead list; always the generator's four keys.</summary>
    private static YamlItemStyle LeaderStyleIn(string text, YamlMap group, string key)
    {
        var leadership = group["leadership"] as YamlMap;
        var template = new[] { key, key == "chairs" ? "tech_leads" : "chairs" }
            .Select(k => (leadership?[k] as YamlList)?.Items.OfType<YamlMap>().LastOrDefault())
            .OfType<YamlMap>()
            .FirstOrDefault();
        return template is null ? LeaderStyle : YamlItemStyle.Of(text, template) with { Keys = K8sSigsReader.PersonKeys };
    }

    /// <summary>The groups of the file: the items of its four group lists.</summary>
    private static IEnumerable<(string Path, YamlMap Map)> Groups(string text)
    {
        if (YamlSyntax.Parse(text) is not YamlMap root)
        {
            yield break;
        }
        foreach (var listKey in K8sSigsReader.GroupLists)
        {
            if (root[listKey] is YamlList list)
            {
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (list.Items[i] is YamlMap map)
                    {
                        yield return ($"{listKey}[{i}]", map);
                    }
                }
            }
        }
    }

    /// <summary>The group (the reader checked that exactly one has this <c>dir</c>).</summary>
    private static (string Path, YamlMap Map) Group(string text, string dir) => Groups(text).First(g => Value(g.Map, "dir") == dir);

    /// <summary>Every chair and tech lead of every group.</summary>
    private static IEnumerable<YamlMap> Leaders(string text) => People(text, ["chairs", "tech_leads"]);

    /// <summary>Every lead and emeritus lead of every group.</summary>
    private static IEnumerable<YamlMap> Everyone(string text) => People(text, K8sSigsReader.LeadershipKeys);

    private static IEnumerable<YamlMap> People(string text, IEnumerable<string> lists) =>
        Groups(text).SelectMany(g => lists
            .Select(k => ((g.Map["leadership"] as YamlMap)?[k] as YamlList)?.Items.OfType<YamlMap>() ?? []))
            .SelectMany(items => items);

    private static (YamlScalar Key, YamlList List, YamlMap Item)? Find(string text, string dir, string key, string login)
    {
        var leadership = Group(text, dir).Map["leadership"] as YamlMap;
        return leadership?.Entry(key) is (var listKey, YamlList list) && list.Find("github", login, Login.Comparer) is { } item
            ? (listKey, list, item)
            : null;
    }

    private static string? Value(YamlMap map, string key) => map[key] is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : null;

    private static string Path((string Path, YamlMap Map) group, string key) => ConfigNode.Join(group.Path, $"leadership.{key}");

    /// <summary>An error at <paramref name="at"/>, else on the role's list, else on the group's <c>dir</c>.</summary>
    private static ConfigError Error(string file, (string Path, YamlMap Map) group, string role, YamlSyntax? at, string message)
    {
        var key = K8sSigsReader.ListKey(role) ?? role;
        at ??= (group.Map["leadership"] as YamlMap)?.Entry(key)?.Key ?? group.Map.Entry("dir")?.Key;
        return new(file, at?.Position.Line ?? 1, at?.Position.Column ?? 1, Path(group, key), message);
    }
}
