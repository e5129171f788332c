namespace TagBot.Core.Policies;

/// <summary>The <c>proposals:</c> section of <c>.github/tagbot.yml</c>.</summary>
/// <param name="Label">Label that makes an issue a proposal.</param>
/// <param name="MinDiscussionDays">Whole 24-hour days since the creation before consensus.</param>
/// <param name="SupportRequired">Binding supports needed for consensus.</param>
/// <param name="ObjectionsBlock">Whether an open binding objection blocks consensus.</param>
public sealed record ProposalPolicy(
    string Label = "proposal",
    int MinDiscussionDays = 7,
    int SupportRequired = 2,
    bool ObjectionsBlock = true)
{
    public static ProposalPolicy Default { get; } = new();
}
