using System.Text;
using TagBot.Core.Commands;

namespace TagBot.Core.Status;

/// <summary>
/// The answer to <c>/tagbot help</c>, printed from the same command families the parser uses, so
/// help cannot drift from what TagBot understands.
/// </summary>
public static class HelpText
{
    private static readonly (IssueKind Kind, string Title)[] Sections =
        [(IssueKind.Proposal, "On a proposal"), (IssueKind.Election, "On an election"), (IssueKind.Other, "On any issue")];

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
            Row(text, usage);
        }

        return text.ToString();
    }

    /// <summary>The full command reference (docs/commands.md), from the same families as the help reply.</summary>
    public static string Reference()
    {
        var text = new StringBuilder();
        text.Append("# Commands\n\n")
            .Append("<!-- Generated from src/TagBot.Core/Commands by HelpText.Reference(); a test fails when it drifts. ")
            .Append("Regenerate: TAGBOT_UPDATE_DOCS=1 dotnet test tests/TagBot.Core.Tests --filter CommandsDoc -->\n\n")
            .Append("A command is a line that starts with `/verb` (leading spaces allowed, verb case-insensitive), outside fenced or ")
            .Append("indented code, block quotes and HTML comments. Several commands may stand in one comment; each is answered on ")
            .Append("its own. Unknown verbs are ignored, since other bots share the slash namespace, and comments by bots never count.\n\n")
            .Append("Roles (chair, tech lead, member, voter) come from the roster file alone; logins compare case-insensitively. ")
            .Append("A person's position is their latest command about it; editing or deleting a comment changes it until the ")
            .Append("proposal is decided or the election closed.\n\n")
            .Append("TagBot answers every command: a 👍 reaction when it is applied, a 😕 reaction and one reply per comment saying ")
            .Append("why and how to fix it when it is refused.\n\n");
        foreach (var (kind, title) in Sections)
        {
            text.Append("## ").Append(title).Append("\n\n| Command | Who | What it does | Example |\n|---|---|---|---|\n");
            var usages = CommandCatalog.Families.SelectMany(f => f.Usages)
                .Where(u => kind == IssueKind.Other ? u.Where.Contains(IssueKind.Other) : u.Where.Contains(kind) && !u.Where.Contains(IssueKind.Other));
            foreach (var usage in usages)
            {
                Row(text, usage);
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static void Row(StringBuilder text, CommandUsage usage) =>
        text.Append("| ").Append(Markdown.Code(usage.Syntax).Replace("|", "\\|", StringComparison.Ordinal))
            .Append(" | ").Append(usage.Who)
            .Append(" | ").Append(usage.Summary)
            .Append(" | ").Append(Markdown.Code(usage.Example)).Append(" |\n");
}
