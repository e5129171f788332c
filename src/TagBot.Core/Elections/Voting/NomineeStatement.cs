using TagBot.Core.Issues;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Voting;

/// <summary>
/// What a nominee says for themselves on the ballot page: the words around the commands of their own nominating or
/// accepting comment (a nomination by someone else shows the nominator's words only when the nominee said nothing).
/// </summary>
public static class NomineeStatement
{
    /// <summary>Long enough for a paragraph or two; the issue keeps the whole comment.</summary>
    public const int MaxLength = 1500;

    public static string? Of(Nomination nomination, IssueSnapshot issue)
    {
        var own = new[] { nomination.Self ? nomination.Source : null, nomination.ConsentSource }
            .OfType<CommentRef>().DistinctBy(c => c.Id)
            .Select(c => Words(issue, c.Id, nomination.Nominee))
            .Where(w => w.Length > 0)
            .ToList();
        var text = own.Count > 0 ? string.Join("\n\n", own) : Words(issue, nomination.Source.Id, nomination.NominatedBy);
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length <= MaxLength ? text : text[..MaxLength].TrimEnd() + "…";
    }

    private static string Words(IssueSnapshot issue, long id, string author)
    {
        var comment = issue.Comments.FirstOrDefault(c => c.Id == id && Login.Comparer.Equals(c.Author, author));
        if (comment is null)
        {
            return "";
        }

        var lines = comment.Body.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Where(l => !l.TrimStart().StartsWith('/'));
        return string.Join("\n", lines).Trim();
    }
}
