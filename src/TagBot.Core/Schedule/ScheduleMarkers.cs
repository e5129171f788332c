using System.Globalization;
using System.Text.RegularExpressions;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Schedule;

/// <summary>
/// Hidden markers by which the schedule recognises what TagBot already did, read back from GitHub:
/// in the body of an election issue it opened, in its reminder comments, and in the body of its
/// retirement pull requests. Logins are written in lower case (they compare case-insensitively).
/// </summary>
public static partial class ScheduleMarkers
{
    public const string Election = "scheduled-election";

    public const string Reminder = "term-reminder";

    public const string Retirement = "retire";

    public static string ForElection(string role, DateOnly termEnd) => Markers.Hidden($"{Election}:{role}:{Dates.Day(termEnd)}");

    public static string ForReminder(string role, string login, DateOnly termEnd) =>
        Markers.Hidden($"{Reminder}:{role}:{new Login(login).Canonical}:{Dates.Day(termEnd)}");

    public static string ForRetirement(string role, string login, DateOnly termEnd) =>
        Markers.Hidden($"{Retirement}:{role}:{new Login(login).Canonical}:{Dates.Day(termEnd)}");

    /// <summary>Every marker in <paramref name="text"/>, normalised as the <c>For…</c> methods write them.</summary>
    public static IEnumerable<string> In(string text)
    {
        foreach (Match match in Any().Matches(text))
        {
            var kind = match.Groups["kind"].Value;
            var parts = match.Groups["rest"].Value.Split(':');
            if (!Dates.TryParseDay(parts[^1], out var day))
            {
                continue;
            }

            switch (kind)
            {
                case Election when parts.Length == 2:
                    yield return ForElection(parts[0], day);
                    break;
                case Reminder when parts.Length == 3:
                    yield return ForReminder(parts[0], parts[1], day);
                    break;
                case Retirement when parts.Length == 3:
                    yield return ForRetirement(parts[0], parts[1], day);
                    break;
            }
        }
    }

    [GeneratedRegex(@"<!--\s*tagbot:(?<kind>scheduled-election|term-reminder|retire):(?<rest>[A-Za-z0-9_.:-]+?)\s*-->", RegexOptions.CultureInvariant)]
    private static partial Regex Any();
}
