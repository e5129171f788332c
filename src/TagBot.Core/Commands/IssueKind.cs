namespace TagBot.Core.Commands;

/// <summary>
/// What an issue is for TagBot, decided from its labels. Commands are valid on some kinds only,
/// so the same line means different things (or nothing) depending on the issue it is written on.
/// </summary>
public enum IssueKind
{
    Proposal,
    Election,

    /// <summary>An issue TagBot does not govern: only <c>/tagbot help|status</c> apply.</summary>
    Other,
}
