namespace TagBot.Core.Issues;

/// <summary>Everything a decision about one issue may read, as GitHub shows it at one moment.</summary>
public sealed record IssueSnapshot(
    string Repository,
    int Number,
    string Title,
    string Author,
    DateTimeOffset CreatedAt,
    bool IsOpen,
    IReadOnlyList<string> Labels,
    IReadOnlyList<IssueComment> Comments,
    string Url)
{
    /// <summary>The issue's description (an election's body may name its role: <c>role: chair</c>).</summary>
    public string Body { get; init; } = "";

    public bool HasLabel(string label) => Labels.Any(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));

    /// <summary>Comments in the order positions are taken: creation time, then id.</summary>
    public IEnumerable<IssueComment> Chronological => Comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
}
