namespace TagBot.Core.Issues;

/// <summary>A comment as GitHub shows it now; edits and deletions are simply what the list holds.</summary>
public sealed record IssueComment(
    long Id,
    string Author,
    bool AuthorIsBot,
    string Body,
    DateTimeOffset CreatedAt,
    string Url)
{
    /// <summary>
    /// Written by TagBot itself. Only these are TagBot's status comments and replies: another bot
    /// that copies a comment, marker and all, must not be mistaken for TagBot. Defaults to any bot
    /// when the host cannot tell.
    /// </summary>
    public bool ByTagBot { get; init; } = AuthorIsBot;

    /// <summary>The author's GitHub user ID (0 when the host cannot tell): what an election matches people by, as logins can change.</summary>
    public long AuthorId { get; init; }

    /// <summary>When the comment was last written: its creation, or its latest edit.</summary>
    public DateTimeOffset UpdatedAt { get; init; } = CreatedAt;
}
