namespace TagBot.Core.Status;

/// <summary>
/// Hidden HTML comments that let TagBot find its own comments again: every one TagBot writes in an
/// issue, a comment or a pull request body is built here. They are the only state TagBot keeps on
/// GitHub, and any reader can see them in the comment source.
/// </summary>
public static class Markers
{
    /// <summary>How every marker starts.</summary>
    public const string Prefix = "<!-- tagbot:";

    public const string Status = Prefix + "status -->";

    /// <summary>Posted once when the roster pull request of a closed election is merged.</summary>
    public const string RosterMerged = Prefix + "roster-merged -->";

    /// <summary>Posted once when it is closed without merging.</summary>
    public const string RosterClosed = Prefix + "roster-closed -->";

    /// <summary>Posted once when a close changes nothing in the roster, so no pull request is opened.</summary>
    public const string RosterUnchanged = Prefix + "roster-unchanged -->";

    /// <summary>Posted once when an election opens: its frozen inputs (<c>Elections.Record.ElectionRecord</c>).</summary>
    public const string ElectionRecord = Prefix + "election-record -->";

    /// <summary>Starts the hidden block of an election record that holds the commit, the moment and the files.</summary>
    public const string ElectionRecordData = Prefix + "election-record-data";

    /// <summary>Starts the hidden digest line of a result comment or roster pull request body (<c>Elections.Record.ResultDigest</c>).</summary>
    public const string ElectionDigest = Prefix + "election-digest sha256:";

    private const string ElectionReopenedPrefix = Prefix + "election-reopened:";

    private const string ReplyPrefix = Prefix + "reply:";

    private const string ElectionResultPrefix = Prefix + "election-result:";

    /// <summary>A marker with the given content: <c>&lt;!-- tagbot:CONTENT --&gt;</c>.</summary>
    public static string Hidden(string content) => $"{Prefix}{content} -->";

    public static string Reply(long commentId) => $"{ReplyPrefix}{commentId} -->";

    /// <summary>The result comment of the close or <c>/break-tie</c> with this comment id.</summary>
    public static string ElectionResult(long key) => $"{ElectionResultPrefix}{key} -->";

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

    /// <summary>Posted once per valid <c>/reopen-election</c> (by its comment id): counts the rounds of roster pull requests.</summary>
    public static string ElectionReopened(long commentId) => $"{ElectionReopenedPrefix}{commentId} -->";

    public static bool IsElectionReopened(string body) => body.StartsWith(ElectionReopenedPrefix, StringComparison.Ordinal);

    public static bool IsElectionRecord(string body) => body.StartsWith(ElectionRecord, StringComparison.Ordinal);

    public static bool IsElectionResult(string body) => body.StartsWith(ElectionResultPrefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="body"/> starts with one of TagBot's markers.</summary>
    public static bool IsMarked(string body) => body.StartsWith(Prefix, StringComparison.Ordinal);
}
