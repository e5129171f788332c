namespace TagBot.Core.Issues;

/// <summary>A pull request as GitHub shows it: enough to follow a roster pull request TagBot opened.</summary>
/// <param name="Branch">Its head branch.</param>
public sealed record PullRequestSnapshot(int Number, string Branch, bool IsOpen, bool Merged, string Body);
