namespace TagBot.Core.Governance;

/// <summary>
/// The roster pull request an election asks for: <see cref="Text"/> is the whole edited roster
/// file, committed to <see cref="Branch"/> and proposed against the default branch.
/// </summary>
public sealed record RosterPullRequestDraft(
    string Branch,
    string Path,
    string Text,
    string Title,
    string Body,
    string CommitMessage,
    IReadOnlyList<string> Reviewers);
