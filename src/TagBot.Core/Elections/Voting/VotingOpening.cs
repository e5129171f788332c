using TagBot.Core.Issues;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Voting;

/// <summary>When a secret ballot opened: a chair's <c>/open-voting</c>, or the nominations deadline.</summary>
/// <param name="Chair">The chair who opened it; null at the deadline.</param>
/// <param name="Source">The chair's comment; null at the deadline.</param>
public sealed record VotingOpening(DateTimeOffset At, string? Chair, CommentRef? Source)
{
    /// <summary>"opened by @carla in [this comment](…) on 2026-12-03" or "opened at the nominations deadline, 2026-12-10 17:00 UTC".</summary>
    public string Describe() => Chair is { } chair && Source is { } source
        ? $"opened by @{chair} in {Markdown.Link("this comment", source.Url)} on {Markdown.Date(source.At)}"
        : $"opened at the nominations deadline, {Dates.Moment(At)}";
}
