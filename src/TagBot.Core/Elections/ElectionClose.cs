using TagBot.Core.Issues;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>
/// What closed the election: the first valid <c>/close-election</c>, or its frozen voting deadline
/// (then <see cref="Chair"/> is empty and <see cref="Source"/> points at the issue, at the deadline,
/// with the negative Unix time as its key so that it never collides with a comment id).
/// </summary>
public sealed record ElectionClose(string Chair, CommentRef Source)
{
    /// <summary>With <c>close_when_decided</c>: why the outcome could no longer change when TagBot closed it.</summary>
    public string? Settlement { get; init; }

    public bool AtDeadline => Chair.Length == 0 && Settlement is null;

    public static ElectionClose Deadline(DateTimeOffset at, string issueUrl) => new("", new CommentRef(-at.ToUnixTimeSeconds(), issueUrl, at));

    public static ElectionClose Settled(DateTimeOffset at, string issueUrl, string reasoning) =>
        new("", new CommentRef(-at.ToUnixTimeSeconds(), issueUrl, at)) { Settlement = reasoning };

    /// <summary><see cref="Describe"/> opening a sentence: "Closed by @carla …".</summary>
    public string Sentence()
    {
        var text = Describe();
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>"closed by @carla in this comment on 2026-12-03" or "closed at its voting deadline, 2026-12-17 17:00 UTC".</summary>
    public string Describe() => Settlement is { } why
        ? $"closed by TagBot at {Dates.Moment(Source.At)}, when the outcome could no longer change: {why}"
        : AtDeadline
            ? $"closed at its voting deadline, {Dates.Moment(Source.At)}"
            : $"closed by @{Chair} in {Markdown.Link("this comment", Source.Url)} on {Markdown.Date(Source.At)}";
}
