using System.Globalization;

namespace TagBot.Core.Status;

/// <summary>
/// How TagBot writes and reads dates, in every file and comment: days as ISO dates (what roster
/// files hold and people type), moments in UTC to the minute (all that a comment needs).
/// </summary>
public static class Dates
{
    public const string DayFormat = "yyyy-MM-dd";

    public const string MomentFormat = "yyyy-MM-dd HH:mm 'UTC'";

    public static string Day(DateOnly date) => date.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString(MomentFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO day exactly (<c>2026-03-01</c>); nothing else is a day.</summary>
    public static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
