namespace TagBot.Inbox;

/// <summary>Lane names: <c>owner/repo#number</c> for an issue, <c>owner/repo</c> for repository-wide work.</summary>
public static class LaneKey
{
    public static string For(string repository, int? issueNumber) =>
        issueNumber is { } n ? $"{repository.ToLowerInvariant()}#{n}" : repository.ToLowerInvariant();
}
