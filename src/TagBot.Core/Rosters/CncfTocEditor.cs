using TagBot.Core.Policies;
using TagBot.Core.Yaml;

namespace TagBot.Core.Rosters;

/// <summary>
/// Edits the leadership of one entry of cncf/toc's <c>tags.yaml</c> in place (see <see cref="CncfTocReader"/>):
/// new leaders are appended to <c>leadership.chairs</c> / <c>leadership.tech_leads</c> like the leader before
/// them (keys such as <c>lfx_id:</c> and <c>email:</c> left empty for the TOC to fill in), a reseat replaces the
/// term's dates, and a retirement removes the leader. The file keeps no emeritus list, so a retirement leaves
/// no trace in it: the roster pull request's body records it. Other entries are never touched.
/// </summary>
internal static class CncfTocEditor
{
    private static readonly YamlItemStyle LeaderStyle = YamlItemStyle.Block("github", "name", "company", "term");

    public static RosterEditResult Apply(string text, string file, string entry, RosterChange change)
    {
        var read = CncfTocReader.Read(text, file, entry);
        if (read.Roster is not { } roster)
        {
            return RosterEditResult.Failure(read.Errors);
        }
        var plan = RosterChangePlan.Make(roster, change, keepsEmeritus: false);
        if (plan.Problems.Count > 0)
        {
            return RosterEditResult.Failure(plan.Problems.Select(p => Error(file, Entry(text, entry), p.Operation.Role, null, p.Message)));
        }
        foreach (var operation in plan.Operations)
        {
            var found = Entry(text, entry);
            var key = CncfTocReader.ListKey(operation.Role);
            var edit = operation switch
            {
                RosterOperation.Seat seat => YamlBlockEdits.Append(text, found.Map, ["leadership", key], Style(text, found.Map, key), Leader(seat)),
                RosterOperation.Retire retire => Remove(text, found.Map, key, retire),
                RosterOperation.Reseat reseat => YamlBlockEdits.ReplaceTerm(text, Holder(found.Map, key, reseat), reseat.NewTerm),
                _ => throw new ArgumentException($"Unknown roster operation {operation}.", nameof(change)),
            };
            if (edit.Text is null)
            {
                return RosterEditResult.Failure([Error(file, found, operation.Role, edit.Blocker, $"`{Path(found, key)}` {edit.Why}")]);
            }
            text = edit.Text;
        }
        return RosterEditResult.Success(text);
    }

    /// <summary>The entry's map and path (the reader checked that exactly one map has this <c>dir</c>).</summary>
    private static (string Path, YamlMap Map) Entry(string text, string entry) =>
        YamlSyntax.Parse(text)!.DescendantsAndSelf()
            .Where(d => d.Node is YamlMap map && map["dir"] is YamlScalar dir && dir.Value == entry)
            .Select(d => (d.Path, (YamlMap)d.Node))
            .First();

    private static IReadOnlyList<YamlField> Leader(RosterOperation.Seat seat) =>
        [new("github", seat.GitHub), new("name", seat.Person?.Name), new("company", seat.Person?.Company), YamlField.Term(seat.Term)];

    /// <summary>Like the last leader of the list, else of any leadership list of the entry.</summary>
    private static YamlItemStyle Style(string text, YamlMap entry, string key)
    {
        var lists = (entry["leadership"] as YamlMap)?.Entries.OrderBy(e => e.Key.Value == key ? 0 : 1).Select(e => e.Value).OfType<YamlList>() ?? [];
        return lists.Select(l => l.Items.OfType<YamlMap>().LastOrDefault()).OfType<YamlMap>().FirstOrDefault() is { } template
            ? YamlItemStyle.Of(text, template)
            : LeaderStyle;
    }

    private static YamlEdit Remove(string text, YamlMap entry, string key, RosterOperation.Retire retire) =>
        YamlBlockEdits.Remove(text, ((YamlMap)entry["leadership"]!).Entry(key)!.Value.Key, List(entry, key), Holder(entry, key, retire));

    /// <summary>The role's list and the holder's item in it (the plan checked that the entry lists the holder).</summary>
    private static YamlList List(YamlMap entry, string key) => (YamlList)((YamlMap)entry["leadership"]!)[key]!;

    private static YamlMap Holder(YamlMap entry, string key, RosterOperation operation) =>
        List(entry, key).Find("github", operation.GitHub, Login.Comparer)!;

    private static string Path((string Path, YamlMap Map) entry, string key) => ConfigNode.Join(entry.Path, $"leadership.{key}");

    /// <summary>An error at <paramref name="at"/>, else on the role's list, else on the entry's <c>dir</c>.</summary>
    private static ConfigError Error(string file, (string Path, YamlMap Map) entry, string role, YamlSyntax? at, string message)
    {
        var key = CncfTocReader.ListKey(role);
        at ??= (entry.Map["leadership"] as YamlMap)?.Entry(key)?.Key ?? entry.Map.Entry("dir")?.Key;
        return new(file, at?.Position.Line ?? 1, at?.Position.Column ?? 1, Path(entry, key), message);
    }
}
