using System.Globalization;
using System.Text.RegularExpressions;
using TagBot.Core.Status;
using YamlDotNet.Core;

namespace TagBot.Core.Rosters;

/// <summary>A key of a list item TagBot writes, with a scalar value (null: none) or a nested map.</summary>
internal sealed record YamlField(string Key, string? Value, IReadOnlyList<YamlField>? Fields = null)
{
    public bool HasValue => Value is not null || Fields is not null;

    public static YamlField Term(Term? term) => new("term", null, term is null
        ? null
        : [new("start", Dates.Day(term.Start)), new("end", Dates.Day(term.End))]);
}

/// <summary>
/// How the items of a YAML list are written, learnt from an existing item so that a new item looks like its
/// neighbours: flow (<c>- { github: alice, term: { start: …, end: … } }</c>) or block (one key per line), the
/// indentation, the quoting of dates, and the keys (a block item keeps the template's keys, empty when TagBot
/// has no value for them, as cncf/toc's <c>lfx_id:</c> and <c>email:</c>; a flow item leaves them out).
/// </summary>
internal sealed partial record YamlItemStyle(
    bool IsFlow,
    bool IsNestedFlow,
    int KeyOffset,
    int NestedIndent,
    bool PadsBraces,
    ScalarStyle DateStyle,
    IReadOnlyList<string> Keys)
{
    private const string Reserved = "true false yes no on off null ~ y n";

    public static YamlItemStyle Flow(params IReadOnlyList<string> keys) => new(true, true, 2, 2, true, ScalarStyle.Plain, keys);

    public static YamlItemStyle Block(params IReadOnlyList<string> keys) => new(false, false, 2, 2, true, ScalarStyle.Plain, keys);

    /// <summary>The style of <paramref name="item"/>, an item of a block list in <paramref name="text"/>.</summary>
    public static YamlItemStyle Of(string text, YamlMap item)
    {
        var term = item["term"] as YamlMap;
        var firstFlow = item.IsFlow ? item : term is { IsFlow: true } ? term : null;
        var termKey = item.Entry("term")?.Key;
        return new(
            item.IsFlow,
            term?.IsFlow ?? item.IsFlow,
            item.IsFlow ? 2 : Math.Max(2, item.Start - YamlBlockEdits.DashOf(text, item)),
            term is { IsFlow: false } && termKey is not null ? Math.Max(1, term.Position.Column - termKey.Position.Column) : 2,
            firstFlow is null || text[firstFlow.Start + 1] == ' ',
            (term?["start"] as YamlScalar)?.Style switch
            {
                ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
                ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
                _ => ScalarStyle.Plain,
            },
            [.. item.Entries.Select(e => e.Key.Value)]);
    }

    /// <summary>The lines of a new item whose dash is at column <paramref name="dashColumn"/> (0-based).</summary>
    public IEnumerable<string> Render(int dashColumn, IReadOnlyList<YamlField> fields)
    {
        var indent = new string(' ', dashColumn);
        if (IsFlow)
        {
            yield return $"{indent}- {FlowMap(Ordered(fields))}";
            yield break;
        }
        var keyIndent = indent + new string(' ', KeyOffset);
        var first = true;
        foreach (var field in Ordered(fields))
        {
            var prefix = first ? indent + "-" + new string(' ', KeyOffset - 1) : keyIndent;
            first = false;
            if (field.Fields is not { } nested)
            {
                yield return $"{prefix}{field.Key}:{(field.Value is null ? "" : " " + Scalar(field.Value))}";
            }
            else if (IsNestedFlow)
            {
                yield return $"{prefix}{field.Key}: {FlowMap(nested)}";
            }
            else
            {
                yield return $"{prefix}{field.Key}:";
                foreach (var child in nested)
                {
                    yield return $"{keyIndent}{new string(' ', NestedIndent)}{child.Key}: {Scalar(child.Value!)}";
                }
            }
        }
    }

    /// <summary>A date written YYYY-MM-DD, quoted as <paramref name="quoting"/> says (plain unless quoted).</summary>
    public static string Date(DateOnly date, ScalarStyle quoting)
    {
        var text = Dates.Day(date);
        return quoting switch
        {
            ScalarStyle.DoubleQuoted => $"\"{text}\"",
            ScalarStyle.SingleQuoted => $"'{text}'",
            _ => text,
        };
    }

    /// <summary>The template's keys (empty when TagBot has no value for them), then the other fields that have a value.</summary>
    private IEnumerable<YamlField> Ordered(IReadOnlyList<YamlField> fields)
    {
        var byKey = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        return Keys.Select(k => byKey.GetValueOrDefault(k) ?? new YamlField(k, null))
            .Concat(fields.Where(f => f.HasValue && !Keys.Contains(f.Key, StringComparer.Ordinal)));
    }

    /// <summary><c>{ key: value, ... }</c>, leaving out keys without a value.</summary>
    private string FlowMap(IEnumerable<YamlField> fields)
    {
        var entries = fields.Where(f => f.HasValue)
            .Select(f => $"{f.Key}: {(f.Fields is { } nested ? FlowMap(nested) : Scalar(f.Value!))}");
        var pad = PadsBraces ? " " : "";
        return $"{{{pad}{string.Join(", ", entries)}{pad}}}";
    }

    /// <summary>A scalar: dates quoted like the template's, other text plain when that reads back the same.</summary>
    private string Scalar(string value)
    {
        if (Dates.TryParseDay(value, out var date))
        {
            return Date(date, DateStyle);
        }
        var plain = SafePlain().IsMatch(value)
            && !Reserved.Split(' ').Contains(value, StringComparer.OrdinalIgnoreCase)
            && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return plain ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Text YAML reads as itself without quotes, in block and flow context alike.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._'()/+&-]*(?<! )$")]
    private static partial Regex SafePlain();
}
