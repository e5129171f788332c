using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Schedule;

/// <summary>An issue carrying the election label, open or closed, as the schedule sees it.</summary>
/// <param name="Number">The issue number.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">Its body: the role (<c>role: X</c>) and, when TagBot opened it, its markers.</param>
/// <param name="CreatedAt">When it was opened; its seats up are judged as of this date.</param>
/// <param name="IsOpen">Whether the issue is open (an election stays open until its roster pull request is merged).</param>
/// <param name="Url">Its address, for links.</param>
/// <param name="ByTagBot">Whether TagBot itself opened it: only then are markers in its body trusted.</param>
public sealed record ElectionIssue(int Number, string Title, string Body, DateTimeOffset CreatedAt, bool IsOpen, string Url, bool ByTagBot);

/// <summary>A pull request TagBot opened for the roster, in any state.</summary>
/// <param name="Number">The pull request number.</param>
/// <param name="Branch">Its head branch (<c>tagbot/terms-…</c>, <c>tagbot/election-…</c>).</param>
/// <param name="IsOpen">Open (neither merged nor closed).</param>
/// <param name="Body">Its body, with the markers of the retirements it proposes.</param>
public sealed record OwnPullRequest(int Number, string Branch, bool IsOpen, string Body);

/// <summary>What the schedule plans from: read once per repository sweep.</summary>
/// <param name="Policy">The repository's valid policy.</param>
/// <param name="Roster">The roster (terms, regions).</param>
/// <param name="RosterText">The roster file's text, which a retirement pull request edits; null when missing.</param>
/// <param name="Elections">Every issue with the election label, open and closed.</param>
/// <param name="Now">The current time; dates are its UTC date.</param>
public sealed record ScheduleInput(Policy Policy, Roster Roster, string? RosterText, IReadOnlyList<ElectionIssue> Elections, DateTimeOffset Now)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}

/// <summary>
/// What <see cref="SchedulePlanner.Ask"/> asked for: the comments TagBot wrote on some election issues
/// (reminders already posted), and TagBot's roster pull requests (retirements already proposed).
/// </summary>
/// <param name="BotComments">Issue number → bodies of the comments TagBot itself wrote on it.</param>
/// <param name="PullRequests">TagBot's roster pull requests in any state; null when not read.</param>
public sealed record ScheduleFacts(IReadOnlyDictionary<int, IReadOnlyList<string>> BotComments, IReadOnlyList<OwnPullRequest>? PullRequests)
{
    public static ScheduleFacts None { get; } = new(new Dictionary<int, IReadOnlyList<string>>(), null);
}

/// <summary>The reads a plan needs beyond <see cref="ScheduleInput"/>; none when nothing is due.</summary>
/// <param name="CommentsOf">Election issues whose bot comments must be read (a reminder may already be there).</param>
/// <param name="PullRequests">Whether TagBot's roster pull requests must be listed (a retirement may be due).</param>
public sealed record ScheduleQuestions(IReadOnlySet<int> CommentsOf, bool PullRequests)
{
    public bool None => CommentsOf.Count == 0 && !PullRequests;
}
