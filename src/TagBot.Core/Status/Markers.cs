namespace TagBot.Core.Status;

/// <summary>
/// Hidden HTML comments that let TagBot find its own comments again. They are the only state
/// TagBot keeps on GitHub, and any reader can see them in the comment source.
/// </summary>
public static class Markers
{
    public const string Status = "<!-- tagbot:status -->";

    private const string ReplyPrefix = "<!-- tagbot:reply:";

    public static string Reply(long commentId) => $"{ReplyPrefix}{commentId} -->";

    /// <summary>The comment id a reply answers, when <paramref name="body"/> is a TagBot reply.</summary>
    public static long? RepliedTo(string body)
    {
        if (!body.StartsWith(ReplyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = body.IndexOf(" -->", ReplyPrefix.Length, StringComparison.Ordinal);
        return end > 0 && long.TryParse(body.AsSpan(ReplyPrefix.Length, end - ReplyPrefix.Length), out var id) ? id : null;
    }

    public static bool IsStatus(string body) => body.StartsWith(Status, StringComparison.Ordinal);
}
