using TagBot.Core.Issues;

namespace TagBot.Core.Proposals;

/// <summary>
/// Whether a chair or lead has looked at the issue. Triage is the label's absence once TagBot has
/// seen the issue, so removing <c>triage-required</c> by hand counts as triage.
/// </summary>
public sealed record Triage(bool Done, string? By, CommentRef? Source)
{
    public static readonly Triage Pending = new(false, null, null);

    public static readonly Triage ByLabelRemoval = new(true, null, null);
}
