using TagBot.Core.Elections;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Cli;

/// <summary>
/// Replays a <see cref="Scenario"/> through the real decider the way GitHub would drive TagBot:
/// one pass when the issue is opened, one pass per comment at its time (in time order), a sweep
/// pass every 24 hours after the opening (time-based changes, such as a proposal's discussion
/// period ending, happen in whole days), and a last pass at <c>now</c>. Each pass sees the issue as the previous
/// passes left it: the labels TagBot set, its status comment (so a missing triage label means
/// "triaged"), the roster pull request once opened, the issue closed once decided.
/// </summary>
internal static class Rehearsal
{
    public const string Repository = "example/governance";

    /// <summary>TagBot's own login in the replay: comments by logins ending in <c>[bot]</c> never count.</summary>
    public const string BotLogin = "tagbot[bot]";

    public static string IssueUrl(int number) => $"https://github.com/{Repository}/issues/{number}";

    public static RehearsalResult Run(Scenario scenario, Policy policy, Roster roster)
    {
        var issue = scenario.Issue;
        var url = IssueUrl(issue.Number);
        var human = scenario.Comments
            .Select((c, i) => new IssueComment(i + 1, c.Author, IsBot(c.Author), c.Body, c.At, $"{url}#issuecomment-{i + 1}"))
            .ToList();
        var now = scenario.Now ?? (human.Count == 0 ? issue.Created : human.Max(c => c.CreatedAt)).AddMinutes(1);

        var labels = new List<string>();
        AddLabels(labels, issue.Labels);
        var visible = new List<IssueComment>();
        IssueComment? status = null;
        var pullRequest = RosterPullRequestState.None;
        RosterPullRequestDraft? proposal = null;
        var isOpen = true;
        var reacted = new HashSet<string>(StringComparer.Ordinal);
        var replied = new HashSet<long>();
        var notices = new List<Notice>();
        var closes = new HashSet<string>(StringComparer.Ordinal);
        var steps = new List<RehearsalStep>();
        DesiredState? last = null;
        IssueSnapshot? snapshot = null;

        var events = new List<(PassKind Kind, IssueComment? Comment, DateTimeOffset At)> { (PassKind.Opened, null, issue.Created) };
        events.AddRange(human.Select(c => (PassKind.Comment, (IssueComment?)c, c.CreatedAt)));
        for (var day = issue.Created.AddDays(1); day < now; day = day.AddDays(1))
        {
            events.Add((PassKind.Sweep, null, day));
        }

        // Stable: at equal times, comments (in file order) before a sweep.
        events = [.. events.OrderBy(e => e.At)];
        events.Add((PassKind.Now, null, now));

        foreach (var (kind, comment, at) in events)
        {
            if (comment is not null)
            {
                visible.Add(comment);
            }

            snapshot = new IssueSnapshot(Repository, issue.Number, issue.Title, issue.Author, issue.Created, isOpen, [.. labels],
                status is null ? [.. visible] : [status, .. visible], url)
            {
                Body = issue.Body,
            };
            var desired = IssueDecider.Decide(new DecisionInput(policy, roster, snapshot, at, [])
            {
                RosterText = scenario.Roster.Text,
                PullRequest = pullRequest,
            });
            last = desired;

            // Applied as the host's IssueDiff does: add what is missing, remove managed labels not wanted.
            var added = desired.Labels.Where(l => !Contains(labels, l)).Order(StringComparer.Ordinal).ToList();
            var removed = labels.Where(l => desired.ManagedLabels.Contains(l) && !desired.Labels.Contains(l)).ToList();
            labels.RemoveAll(removed.Contains);
            AddLabels(labels, added);

            var statusPosted = false;
            if (desired.StatusComment is { } body)
            {
                statusPosted = status is null;
                status = new IssueComment(0, BotLogin, true, body, status?.CreatedAt ?? at, $"{url}#issuecomment-0");
            }

            var reactions = desired.Reactions.Where(r => reacted.Add(r.Key)).ToList();
            var replies = desired.Replies.Where(r => replied.Add(r.CommentId)).Select(r => r.CommentId).ToList();
            var posted = desired.Notices.Where(n => notices.All(p => p.Marker != n.Marker)).ToList();
            notices.AddRange(posted);

            RosterPullRequestDraft? opened = null;
            if (desired.RosterPullRequestDraft is { } wanted && pullRequest == RosterPullRequestState.None)
            {
                opened = proposal = wanted;
                pullRequest = RosterPullRequestState.Open;
            }

            Closure? closed = null;
            if (desired.Close is { } close && closes.Add(close.Key))
            {
                closed = close;
                isOpen = false;
            }

            steps.Add(new RehearsalStep(kind, comment, at, statusPosted, added, removed, reactions, replies, posted, opened, closed));
        }

        return new RehearsalResult(snapshot!, last!, labels, steps, notices, proposal, now);
    }

    public static bool IsBot(string login) => login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);

    private static bool Contains(List<string> labels, string label) => labels.Contains(label, StringComparer.OrdinalIgnoreCase);

    private static void AddLabels(List<string> labels, IEnumerable<string> more)
    {
        foreach (var label in more.Where(l => !Contains(labels, l)))
        {
            labels.Add(label);
        }
    }
}

/// <summary>Why TagBot ran: the issue was opened, a comment came in, the periodic sweep, or <c>now</c>.</summary>
internal enum PassKind
{
    Opened,
    Comment,
    Sweep,
    Now,
}

/// <summary>What one TagBot pass changed on the issue.</summary>
/// <param name="Comment">The comment that triggered the pass (for <see cref="PassKind.Comment"/>).</param>
internal sealed record RehearsalStep(
    PassKind Kind,
    IssueComment? Comment,
    DateTimeOffset At,
    bool StatusPosted,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<Reaction> Reactions,
    IReadOnlyList<long> NewReplies,
    IReadOnlyList<Notice> Notices,
    RosterPullRequestDraft? OpenedPullRequest,
    Closure? Closed)
{
    public bool ChangedNothing => !StatusPosted && Added.Count == 0 && Removed.Count == 0 && Reactions.Count == 0
        && NewReplies.Count == 0 && Notices.Count == 0 && OpenedPullRequest is null && Closed is null;
}

/// <param name="Issue">The issue as the last pass saw it.</param>
/// <param name="Final">The last pass's desired state: status comment and replies as they finally read.</param>
/// <param name="Labels">The issue's labels after the last pass.</param>
/// <param name="Notices">Every comment TagBot posted once (election results, roster pull request fates), in order.</param>
/// <param name="PullRequest">The roster pull request TagBot opened, if any.</param>
internal sealed record RehearsalResult(
    IssueSnapshot Issue,
    DesiredState Final,
    IReadOnlyList<string> Labels,
    IReadOnlyList<RehearsalStep> Steps,
    IReadOnlyList<Notice> Notices,
    RosterPullRequestDraft? PullRequest,
    DateTimeOffset Now);
