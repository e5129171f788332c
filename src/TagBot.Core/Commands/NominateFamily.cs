namespace TagBot.Core.Commands;

/// <summary>Nominates someone, or the author, for the election's role.</summary>
/// <param name="Nominee">The login nominated, without @; null when the author nominates themself.</param>
/// <param name="Region">The region as written, or null to take it from the roster. Checked
/// against the policy's regions later, where the reply can list them.</param>
public sealed record NominateCommand(int LineNumber, string Text, string? Nominee, string? Region)
    : Command(LineNumber, Text);

/// <summary>
/// <c>/nominate [@user] [REGION]</c>. The two optional words may come in either order; any
/// other word is refused, because a stray word would otherwise be taken for a region.
/// </summary>
public sealed class NominateFamily() : CommandFamily(Usage)
{
    private static readonly CommandUsage Usage = new(
        "nominate",
        "/nominate [@user] [REGION]",
        [IssueKind.Election],
        "anyone; nominating yourself needs self-nomination to be allowed",
        "Nominates @user, or yourself when no one is named. The region defaults to the nominee's region in the roster.",
        "/nominate @alice EMEA");

    public override Command Parse(CommandLine line, IssueKind kind)
    {
        string? nominee = null;
        string? region = null;
        foreach (var word in Words.Of(line.Arguments))
        {
            if (Mention.IsMention(word))
            {
                if (nominee is not null)
                {
                    return Malformed(line, kind, $"Nominate one person per line; found `@{nominee}` and `{word}`.");
                }

                if (!Mention.TryRead(word, out nominee, out var problem))
                {
                    return Malformed(line, kind, problem);
                }
            }
            else if (region is not null)
            {
                return Malformed(line, kind, $"Give at most one region; found `{region}` and `{word}`.");
            }
            else
            {
                region = word;
            }
        }

        return new NominateCommand(line.LineNumber, line.Text, nominee, region);
    }
}
