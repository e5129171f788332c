using System.Globalization;
using System.Text.RegularExpressions;

namespace TagBot.Core.Elections.Phases;

/// <summary>
/// A deadline the issue body gives: a line <c>voting closes: 2026-12-17 17:00 UTC</c>, or an issue
/// form's heading <c>### Voting closes</c> with the time on the next non-empty line. Times are UTC:
/// <c>2026-12-17T17:00Z</c>, <c>2026-12-17 17:00</c> (with or without <c>UTC</c>), or a day alone,
/// which means the end of that day (the next midnight UTC), as people mean "closes on the 17th".
/// </summary>
internal static partial class PhaseLine
{
    [GeneratedRegex(@"^(?:#{1,6}\s*)?(?<name>[A-Za-z ]+?)\s*(?::\s*(?<value>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>Every value given for one of <paramref name="names"/> (lower case), in body order, with its line as written.</summary>
    public static IReadOnlyList<string> Values(string? body, IReadOnlyList<string> names)
    {
        var lines = (body ?? "").Split(["\r\n", "\n", "\r"], StringSplitOptions.None).Select(l => l.Trim()).ToList();
        var values = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var match = Line().Match(lines[i]);
            if (!match.Success || !names.Contains(match.Groups["name"].Value.Trim().ToLowerInvariant(), StringComparer.Ordinal))
            {
                continue;
            }

            if (match.Groups["value"].Success)
            {
                values.Add(match.Groups["value"].Value.Trim().Trim('`'));
            }
            else if (lines[i].StartsWith('#') && lines.Skip(i + 1).FirstOrDefault(l => l.Length > 0) is { } next && !next.StartsWith('#'))
            {
                // An issue form writes "### Voting closes", a blank line, then the answer.
                values.Add(next.Trim('`'));
            }
        }

        return values;
    }

    /// <summary>A moment in UTC as people write one; false for anything else (or "_No response_").</summary>
    public static bool TryParse(string text, out DateTimeOffset moment)
    {
        text = text.Trim();
        if (text.EndsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^3].Trim();
        }

        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out moment))
        {
            return true;
        }

        if (Status.Dates.TryParseDay(text, out var day))
        {
            moment = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return false;
    }
}
