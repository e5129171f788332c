using System.Text;

namespace TagBot.Tests.FakeGitHub;

// Immutable snapshots the fake hands to tests. They are copies taken under the state lock:
// later API calls never change a snapshot a test already holds.

/// <summary>A GitHub account. <paramref name="Type"/> is "User", "Bot" or "Organization".</summary>
public sealed record FakeUser(string Login, long Id, string Type);

/// <summary>A repository known to the fake, and the installation that can reach it.</summary>
public sealed record FakeRepository(string FullName, long Id, long InstallationId, string DefaultBranch, bool Private)
{
    public string Owner => FullName[..FullName.IndexOf('/', StringComparison.Ordinal)];

    public string Name => FullName[(FullName.IndexOf('/', StringComparison.Ordinal) + 1)..];
}

/// <summary>A file as stored on one branch; <paramref name="Sha"/> is its git blob id.</summary>
public sealed record FakeFile(string Path, IReadOnlyList<byte> Content, string Sha)
{
    /// <summary>The content decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString([.. Content]);
}

/// <summary>A branch and the commit it points at.</summary>
public sealed record FakeBranch(string Name, string Sha);

/// <summary>A repository label.</summary>
public sealed record FakeLabel(long Id, string Name, string Color, string? Description);

/// <summary>An issue (or the issue half of a pull request).</summary>
public sealed record FakeIssue(
    string Repository,
    int Number,
    long Id,
    string Title,
    string? Body,
    string Author,
    string State,
    string? StateReason,
    IReadOnlyList<string> Labels,
    int CommentCount,
    bool IsPullRequest,
    bool Locked,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? ClosedBy)
{
    public bool IsOpen => State == "open";

    public bool HasLabel(string name) => Labels.Contains(name, StringComparer.OrdinalIgnoreCase);
}

/// <summary>An issue comment.</summary>
public sealed record FakeComment(
    long Id,
    string Repository,
    int IssueNumber,
    string Author,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A reaction on an issue comment. <paramref name="Content"/> is GitHub's name: +1, -1, laugh, confused, heart, hooray, rocket, eyes.</summary>
public sealed record FakeReaction(long Id, long CommentId, string User, string Content, DateTimeOffset CreatedAt);

/// <summary>A pull request.</summary>
public sealed record FakePullRequest(
    string Repository,
    int Number,
    long Id,
    string Title,
    string? Body,
    string Author,
    string HeadRef,
    string HeadSha,
    string BaseRef,
    string State,
    bool Merged,
    string? MergeCommitSha,
    bool Draft,
    IReadOnlyList<string> RequestedReviewers,
    IReadOnlyList<string> RequestedTeams,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? MergedAt);

/// <summary>One installation access token the fake issued.</summary>
public sealed record FakeInstallationToken(string Token, long InstallationId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// One request the fake answered. <paramref name="PathAndQuery"/> is relative to BaseUrl and raw
/// (still URL-escaped as sent, e.g. <c>repos/o/r/issues/1/labels/needs%20triage</c>).
/// <paramref name="StatusCode"/> is 0 when the connection was aborted by a fault.
/// </summary>
public sealed record RecordedRequest(
    long Sequence,
    string Method,
    string PathAndQuery,
    int StatusCode,
    bool Conditional,
    bool NotModified,
    string? Body,
    string? Fault,
    DateTimeOffset At)
{
    /// <summary>The path without query string, still raw.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>When the request arrived, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long Arrived { get; init; }

    /// <summary>When its answer started, in <see cref="System.Diagnostics.Stopwatch"/> ticks (after any latency).</summary>
    public long Answered { get; init; }

    public override string ToString() => $"{Method} {PathAndQuery} -> {StatusCode}{(Fault is null ? "" : $" [{Fault}]")}";
}
