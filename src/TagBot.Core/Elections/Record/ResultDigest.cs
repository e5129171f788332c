using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TagBot.Core.Issues;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Record;

/// <summary>
/// Tamper evidence for a result: a SHA-256 over the counted inputs, in a documented canonical text,
/// written in the result comment and the roster pull request body with the ids it covers. Anyone
/// can recompute it from GitHub; a counted comment edited or deleted after the result was posted
/// changes it, and the ids and edit times say which.
/// </summary>
/// <remarks>
/// The canonical text, UTF-8, lines ending in LF:
/// <code>
/// tagbot-election-digest v1
/// commit COMMIT            (the record's commit; "none" for an election without a record)
/// file BLOB-SHA PATH       (per frozen file, in the record's order)
/// comment ID AUTHOR-ID UPDATED-AT BODY-SHA256   (per counted comment, by id ascending)
/// </code>
/// UPDATED-AT is <c>yyyy-MM-ddTHH:mm:ssZ</c>; BODY-SHA256 is the lower-case hex SHA-256 of the body's
/// UTF-8 bytes as GitHub returns them. A counted comment is one holding a command that applied, made
/// at or before the moment the result became final.
/// </remarks>
public sealed record ResultDigest(string Value, IReadOnlyList<long> CommentIds)
{
    private const string Header = "tagbot-election-digest v1";

    public static ResultDigest? Of(ElectionTally tally, IssueSnapshot issue, ElectionRecord? record)
    {
        if (tally.Outcome is not { FinalizedBy: { } final })
        {
            return null;
        }

        var counted = tally.Verdicts.Where(v => v.Applied && v.Comment.CreatedAt <= final.At).Select(v => v.Comment.Id).ToHashSet();
        var comments = issue.Comments.Where(c => counted.Contains(c.Id)).OrderBy(c => c.Id).ToList();
        return new ResultDigest(Compute(comments, record), [.. comments.Select(c => c.Id)]);
    }

    public static string Canonical(IEnumerable<IssueComment> comments, ElectionRecord? record)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        text.Append("commit ").Append(record?.Commit ?? "none").Append('\n');
        foreach (var file in record?.Files ?? [])
        {
            text.Append("file ").Append(file.Sha).Append(' ').Append(file.Path).Append('\n');
        }

        foreach (var comment in comments.OrderBy(c => c.Id))
        {
            text.Append("comment ").Append(comment.Id.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(comment.AuthorId.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(comment.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(' ')
                .Append(Sha256(comment.Body)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The hidden line and the visible sentence a result comment or pull request body carries.</summary>
    public string Render() =>
        $"**Record digest:** `sha256:{Value}` over {CommentIds.Count} counted comments and the frozen files "
        + "(recompute it with `tagbot audit`; the canonical text is in the election rules).\n\n"
        + Markers.ElectionDigest + Value + " ids " + string.Join(' ', CommentIds.Select(i => i.ToString(CultureInfo.InvariantCulture))) + " -->\n";

    /// <summary>The digest a result comment carries, or null.</summary>
    public static ResultDigest? Parse(string body)
    {
        const string start = Markers.ElectionDigest;
        var at = body.IndexOf(start, StringComparison.Ordinal);
        var end = at < 0 ? -1 : body.IndexOf(" -->", at, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var parts = body[(at + start.Length)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[1] != "ids")
        {
            return null;
        }

        var ids = new List<long>();
        foreach (var part in parts.Skip(2))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return new ResultDigest(parts[0], ids);
    }

    /// <summary>
    /// What changed among the covered comments since <paramref name="postedAt"/> (when the result was
    /// posted): each deleted one, and each edited one, with its link. Empty when the digest still holds.
    /// </summary>
    public IReadOnlyList<DigestChange> Changes(IssueSnapshot issue, DateTimeOffset postedAt, ElectionRecord? record)
    {
        var byId = issue.Comments.ToDictionary(c => c.Id);
        var changes = new List<DigestChange>();
        foreach (var id in CommentIds)
        {
            if (!byId.TryGetValue(id, out var comment))
            {
                changes.Add(new DigestChange(id, null, "deleted"));
            }
            else if (comment.UpdatedAt > postedAt)
            {
                changes.Add(new DigestChange(id, comment.Url, $"edited {Dates.Moment(comment.UpdatedAt)}"));
            }
        }

        if (changes.Count == 0 && Compute(CommentIds.Where(byId.ContainsKey).Select(i => byId[i]), record) != Value)
        {
            // No edit time moved, yet the inputs differ: say so rather than call the record intact.
            changes.Add(new DigestChange(0, null, "the counted comments no longer give this digest"));
        }

        return changes;
    }

    private static string Compute(IEnumerable<IssueComment> comments, ElectionRecord? record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(comments, record))));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A counted comment that changed after the result was posted: its id, its link (null once deleted), and what happened.</summary>
public sealed record DigestChange(long CommentId, string? Url, string What);
