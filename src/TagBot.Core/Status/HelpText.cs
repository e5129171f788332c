using System.Text;
using TagBot.Core.Commands;

namespace TagBot.Core.Status;

/// <summary>
/// The answer to <c>/tagbot help</c>, printed from the same command families the parser uses, so
/// help cannot drift from what TagBot understands.
/// </summary>
public static class HelpText
{
    public static string Render(IssueKind kind)
    {
        var text = new StringBuilder();
        text.Append("**TagBot commands").Append(kind switch
        {
            IssueKind.Proposal => " on a proposal",
            IssueKind.Election => " on an election",
            _ => "",
        }).Append("** — each on its own line, outside code blocks and quotes:\n\n");
        text.Append("| Command | Who | What it does | Example |\n|---|---|---|---|\n");
        foreach (var usage in CommandCatalog.Families.SelectMany(f => f.Usages).Where(u => kind == IssueKind.Other || u.Where.Contains(kind)))
        {
            text.Append("| ").Append(Markdown.Code(usage.Syntax).Replace("|", "\\|", StringComparison.Ordinal))
                .Append(" | ").Append(usage.Who)
                .Append(" | ").Append(usage.Summary)
                .Append(" | ").Append(Markdown.Code(usage.Example)).Append(" |\n");
        }

        return text.ToString();
    }
}
