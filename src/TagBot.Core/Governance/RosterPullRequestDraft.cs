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
    IReadOnlyList<string> Reviewers)
{
    /// <summary>Other files the pull request adds beside the roster: a secret ballot's published ballots.</summary>
    public IReadOnlyList<PublishedFile> Published { get; init; } = [];
}

/// <summary>A file committed beside the roster change, whole.</summary>
public sealed record PublishedFile(string Path, string Text, string CommitMessage);
