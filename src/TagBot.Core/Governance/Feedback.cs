using System.Text;
using TagBot.Core.Status;

namespace TagBot.Core.Governance;

/// <summary>
/// Turns verdicts into feedback: never silent. Each comment with an applied command gets 👍, each
/// with a refused one gets 😕, and all refusals and answers of one comment share one reply.
/// </summary>
public static class Feedback
{
    public static (IReadOnlyList<Reaction> Reactions, IReadOnlyList<Reply> Replies) For(IEnumerable<Verdict> verdicts)
    {
        var reactions = new List<Reaction>();
        var replies = new List<Reply>();
        foreach (var group in verdicts.GroupBy(v => v.Comment.Id))
        {
            var list = group.ToList();
            var comment = list[0].Comment;
            if (list.Any(v => v.Applied))
            {
                reactions.Add(new Reaction(comment.Id, ReactionKind.ThumbsUp));
            }

            if (list.Any(v => !v.Applied))
            {
                reactions.Add(new Reaction(comment.Id, ReactionKind.Confused));
            }

            if (list.Any(v => v.Message is not null))
            {
                replies.Add(new Reply(comment.Id, RenderReply(list)));
            }
        }

        return (reactions, replies);
    }

    private static string RenderReply(IReadOnlyList<Verdict> verdicts)
    {
        var comment = verdicts[0].Comment;
        var text = new StringBuilder();
        text.Append(Markers.Reply(comment.Id)).Append('\n');
        var refused = verdicts.Where(v => !v.Applied).ToList();
        if (refused.Count > 0)
        {
            text.Append(Markdown.Mention(comment.Author)).Append(", I could not apply ")
                .Append(refused.Count == 1 ? "a command" : $"{refused.Count} commands")
                .Append(" in [your comment](").Append(comment.Url).Append("):\n\n");
            foreach (var verdict in refused)
            {
                text.Append("- ").Append(Markdown.Code(verdict.Command.Text)).Append(": ").Append(verdict.Message).Append('\n');
            }
        }

        foreach (var answer in verdicts.Where(v => v.Applied && v.Message is not null))
        {
            text.Append(refused.Count > 0 ? "\n" : "").Append(answer.Message).Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
