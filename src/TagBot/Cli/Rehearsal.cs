using TagBot.Core.Elections;
using TagBot.Core.Elections.Record;
using TagBot.Core.Governance;
using TagBot.Core.Governance.Changes;
using TagBot.Core.Issues;
using TagBot.Core.Policies;

namespace TagBot.Cli;

/// <summary>
/// Replays a <see cref="Scenario"/> through the real decider the way GitHub would drive TagBot:
/// one pass when the issue is opened, one pass per comment at its time (in time order), a sweep
/// pass every 24 hours after the opening (time-based changes, such as a proposal's discussion
/// period ending, happen in whole days) and at an election's voting deadline, and a last pass at
/// <c>now</c>. Each pass sees the issue as the previous passes left it: the labels TagBot set, its
/// status comment (so a missing triage label means "triaged"), the roster pull request once opened,
/// the issue closed once decided. It reads the files in force at its time (<see cref="RehearsalFiles"/>);
/// a commit is no pass of its own, since GitHub sends TagBot no event for a push to the default branch.
/// An election freezes the files in force when it opens and counts with them to the close, as the
/// bot does; its roster pull request edits the roster in force when it is opened.
/// </summary>
internal static class Rehearsal
{
    public const string Repository = "example/governance";

    /// <summary>TagBot's own login in the replay: comments by logins ending in <c>[bot]</c> never count.</summary>
    public const string BotLogin = "tagbot[bot]";

    public static string IssueUrl(int number) => $"https://github.com/{Repository}/issues/{number}";

    public static RehearsalResult Run(Scenario scenario, RehearsalFiles files)
    {
        var issue = scenario.Issue;
        var url = IssueUrl(issue.Number);
        var human = scenario.Comments
            .Select((c, i) => new IssueComment(i + 1, c.Author, IsBot(c.Author), c.Body, c.At, $"{url}#issuecomment-{i + 1}"))
            .ToList();
        var now = scenario.Now ?? human.Select(c => c.CreatedAt).Concat(scenario.Commits.Select(c => c.At)).Append(issue.Created).Max().AddMinutes(1);

        var labels = new List<string>();
        AddLabels(labels, issue.Labels);
        var visible = new List<IssueComment>();
        var own = new List<IssueComment>();
        var pullRequest = RosterPullRequestState.None;
        RosterPullRequestDraft? opened = null;
        var isOpen = true;
        var done = new HashSet<string>(StringComparer.Ordinal);
        var notices = new List<Notice>();
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

        ElectionRecord? record = null;
        RehearsalVersion? frozen = null;
        for (var index = 0; index < events.Count; index++)
        {
            var (kind, comment, at) = events[index];
            if (comment is not null)
            {
                visible.Add(comment);
            }

            var current = files.At(at);
            snapshot = new IssueSnapshot(Repository, issue.Number, issue.Title, issue.Author, issue.Created, isOpen, [.. labels],
                [.. own, .. visible], url)
            {
                Body = issue.Body,
            };

            // As the bot: the first pass that finds an open election with no record freezes the files
            // in force, the deadlines from the body or the policy, and (here) nobody's user ID.
            if (record is null && ElectionRecord.Needed(snapshot, current.Policy))
            {
                frozen = current;
                record = ElectionRecord.Freeze(current.Commit, current.Files, at, [], issue.Body, current.Policy.Elections);
                if (record.VotingCloses is { } deadline && deadline > at && deadline < now)
                {
                    // The sweep closes the election at its deadline, with no comment; without this pass the
                    // report would show it closing at the next daily sweep or at `now` instead. A daily
                    // sweep that falls on the deadline is that pass.
                    var sweep = events.FindIndex(e => e.At == deadline && e.Kind == PassKind.Sweep);
                    if (sweep >= 0)
                    {
                        events[sweep] = (PassKind.Deadline, null, deadline);
                    }
                    else if (!events.Any(e => e.At == deadline))
                    {
                        events.Insert(events.FindIndex(e => e.At > deadline), (PassKind.Deadline, null, deadline));
                    }
                }
            }

            // A frozen election counts with the frozen files; the roster pull request edits the current roster.
            var reading = frozen ?? current;
            var desired = IssueDecider.Decide(new DecisionInput(reading.Policy, reading.Roster, snapshot, at, [])
            {
                RosterText = current.RosterText,
                PullRequest = pullRequest,
                PullRequestRound = RosterBranch.ToRead(snapshot, reading.Policy)?.Round ?? 1,
                Record = record,
                CurrentFiles = record is null ? [] : current.Files,
            });
            last = desired;

            // The bot's own change plan, carried out on the issue in memory.
            var step = new RehearsalStep(kind, comment, at) { Commit = current.Commit };
            foreach (var action in ChangePlan.For(snapshot, desired, done))
            {
                switch (action)
                {
                    case IssueAction.AddLabels add:
                        AddLabels(labels, add.Labels);
                        step.Added.AddRange(add.Labels);
                        break;
                    case IssueAction.RemoveLabel remove:
                        labels.RemoveAll(l => l == remove.Label);
                        step.Removed.Add(remove.Label);
                        break;
                    case IssueAction.PostComment post:
                        own.Add(new IssueComment(OwnIds + own.Count, BotLogin, true, post.Body, at, $"{url}#issuecomment-{OwnIds + own.Count}"));
                        Posted(step, post.Role, post.Body, post.ReplyTo, notices, desired);
                        break;
                    case IssueAction.EditComment edit:
                        own[own.FindIndex(c => c.Id == edit.Existing.Id)] = edit.Existing with { Body = edit.Body };
                        break;
                    case IssueAction.React react:
                        done.Add(react.Reaction.Key);
                        step.Reactions.Add(react.Reaction);
                        break;
                    case IssueAction.OpenRosterPullRequest open when pullRequest == RosterPullRequestState.None:
                        opened = step.OpenedPullRequest = open.Draft;
                        pullRequest = RosterPullRequestState.Open;
                        break;
                    case IssueAction.CloseRosterPullRequest undo:
                        done.Add(undo.Closure.Key);
                        pullRequest = RosterPullRequestState.None;
                        break;
                    case IssueAction.CloseIssue close:
                        done.Add(close.Closure.Key);
                        step.Closed = close.Closure;
                        isOpen = false;
                        break;
                }
            }

            steps.Add(step);
        }

        return new RehearsalResult(snapshot!, last!, labels, steps, notices, opened, now)
        {
            Files = files,
            Policy = (frozen ?? files.At(now)).Policy,
            Record = record,
            Frozen = frozen,
        };
    }

    /// <summary>Ids of TagBot's own comments in the replay, apart from the people's (1, 2, …).</summary>
    private const long OwnIds = 1_000_000;

    private static void Posted(RehearsalStep step, CommentRole role, string body, long? replyTo, List<Notice> notices, DesiredState desired)
    {
        switch (role)
        {
            case CommentRole.Status:
                step.StatusPosted = true;
                break;
            case CommentRole.Reply:
                step.NewReplies.Add(replyTo!.Value);
                break;
            default:
                var notice = desired.Notices.First(n => n.Body == body);
                notices.Add(notice);
                step.Notices.Add(notice);
                break;
        }
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

/// <summary>Why TagBot ran: the issue was opened, a comment came in, the periodic sweep, the sweep at an election's voting deadline, or <c>now</c>.</summary>
internal enum PassKind
{
    Opened,
    Comment,
    Sweep,
    Deadline,
    Now,
}

/// <summary>What one TagBot pass changed on the issue (filled in as the pass's plan is carried out).</summary>
/// <param name="Comment">The comment that triggered the pass (for <see cref="PassKind.Comment"/>).</param>
internal sealed record RehearsalStep(PassKind Kind, IssueComment? Comment, DateTimeOffset At)
{
    /// <summary>The commit whose files were in force on the default branch at the pass.</summary>
    public string Commit { get; init; } = ScenarioCommit.IdOf(0);

    public bool StatusPosted { get; set; }

    public List<string> Added { get; } = [];

    public List<string> Removed { get; } = [];

    public List<Reaction> Reactions { get; } = [];

    public List<long> NewReplies { get; } = [];

    public List<Notice> Notices { get; } = [];

    public RosterPullRequestDraft? OpenedPullRequest { get; set; }

    public Closure? Closed { get; set; }

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
    DateTimeOffset Now)
{
    public required RehearsalFiles Files { get; init; }

    /// <summary>The policy the last pass decided with: the frozen one for an election, else the one in force at <c>now</c>.</summary>
    public required Policy Policy { get; init; }

    /// <summary>What the election froze when it opened; null for anything else.</summary>
    public ElectionRecord? Record { get; init; }

    /// <summary>The files the election froze (those in force when it opened).</summary>
    public RehearsalVersion? Frozen { get; init; }
}
