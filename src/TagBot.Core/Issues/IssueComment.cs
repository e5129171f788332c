namespace TagBot.Core.Issues;

/// <summary>A comment as GitHub shows it now; edits and deletions are simply what the list holds.</summary>
public sealed record IssueComment(
    long Id,
    string Author,
    bool AuthorIsBot,
    string Body,
    DateTimeOffset CreatedAt,
    string Url);
