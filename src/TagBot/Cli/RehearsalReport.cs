using System.Globalization;
using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Status;
using CommandParser = TagBot.Core.Commands.CommandParser;

namespace TagBot.Cli;

/// <summary>
/// What <c>simulate</c> prints of a rehearsal: the timeline of TagBot's passes and the commits, the
/// labels, the files and deadlines, the status comment, the replies, the comments posted once and
/// the roster pull request.
/// </summary>
internal static class RehearsalReport
{
    private const string Rule = "────────────────────────────────────────────────────────────────────────";

    public static void Print(string file, Scenario scenario, RehearsalResult result, TextWriter output)
    {
        var issue = scenario.Issue;
        var policy = result.Policy;
        var initial = result.Files.Versions[0];
        output.WriteLine($"TagBot rehearsal of {file} — nothing is sent to GitHub.");
        output.WriteLine($"Issue {Rehearsal.Repository}#{issue.Number} \"{issue.Title}\", opened by @{issue.Author} on {Stamp(issue.Created)}"
            + $" with labels: {List(issue.Labels)}.");
        output.WriteLine(scenario.Policy is null
            ? "Policy: the defaults (the scenario has no `policy:`)."
            : $"Policy: from the scenario; roster format {Format(initial.Policy.Roster.Format)}, file {initial.Policy.Roster.Path}.");
        output.WriteLine($"Roster: {initial.Roster.People.Count} {(initial.Roster.People.Count == 1 ? "person" : "people")}; "
            + (initial.Roster.Roles.Count == 0 ? "no roles." : string.Join(", ", initial.Roster.Roles.Select(r => $"{r.Key} {r.Value.Count}")) + "."));
        if (scenario.Commits.Count > 0)
        {
            output.WriteLine($"Commits: {scenario.Commits.Count} to the default branch after these files ({initial.Commit}), each in force from its time; "
                + "see \"Files and deadlines\" below.");
        }

        var deadline = result.Steps.Any(s => s.Kind == PassKind.Deadline) ? ", at the voting deadline (the sweep closes the election then)" : "";
        output.WriteLine("TagBot ran when the issue was opened, on each comment at its time, every 24 hours after the opening "
            + $"(the periodic sweep){deadline} and at `now`, {Stamp(result.Now)}.");

        Heading(output, "Timeline");
        Timeline(scenario, result, output);

        output.WriteLine();
        output.WriteLine($"Labels: {List(result.Labels)}");
        if (!policy.Tracks(issue.Labels))
        {
            output.WriteLine($"TagBot does not track this issue: give it the label `{policy.Proposals.Label}` or `{policy.Elections.Label}` "
                + "in `issue.labels`. Only /tagbot commands are answered.");
        }

        if (scenario.Commits.Count > 0 || result.Record is not null)
        {
            Heading(output, "Files and deadlines");
            Files(scenario, result, output);
        }

        if (result.Final.StatusComment is { } status)
        {
            Heading(output, "Status comment (TagBot's first comment on the issue, edited in place)");
            output.Write(WithoutMarker(status));
        }

        if (result.Final.Replies.Count > 0)
        {
            Heading(output, $"Replies ({result.Final.Replies.Count})");
            var first = true;
            foreach (var reply in result.Final.Replies)
            {
                var comment = result.Issue.Comments.First(c => c.Id == reply.CommentId);
                output.WriteLine($"{(first ? "" : "\n")}▶ In reply to #{comment.Id} by @{comment.Author} ({Stamp(comment.CreatedAt)}): {Commands(comment.Body)}");
                output.Write(WithoutMarker(reply.Body));
                first = false;
            }
        }

        foreach (var notice in result.Notices)
        {
            Heading(output, "Comment posted once (never edited)");
            output.Write(WithoutMarker(notice.Body));
        }

        if (result.PullRequest is { } pr)
        {
            Heading(output, "Roster pull request");
            output.WriteLine($"Title:     {pr.Title}");
            output.WriteLine($"Branch:    {pr.Branch} → the default branch, editing {pr.Path}");
            output.WriteLine($"Reviewers: {(pr.Reviewers.Count == 0 ? "(none)" : string.Join(", ", pr.Reviewers.Select(r => "@" + r)))}");
            output.WriteLine($"Commit:    {pr.CommitMessage}");
            output.WriteLine();

            // The body ends with the result comment's text: shown once above, not twice.
            var body = Trimmed(pr.Body);
            var tail = result.Notices.Select(n => WithoutMarker(n.Body)).LastOrDefault(t => body.EndsWith(t, StringComparison.Ordinal));
            output.Write(tail is null
                ? body
                : Trimmed(body[..^tail.Length]) + "\n[…followed by the text of the final election result, shown above.]\n");
        }
        else if (issue.Labels.Contains(policy.Elections.Label, StringComparer.OrdinalIgnoreCase))
        {
            Heading(output, "Roster pull request");
            output.WriteLine(result.Labels.Contains(policy.Labels.ElectionClosed, StringComparer.OrdinalIgnoreCase)
                ? "None: the result is not final (a tie waits for a chair's /break-tie), or the roster file cannot be edited (see the status comment)."
                : "None yet: TagBot opens it when a chair's /close-election or the voting deadline (or /break-tie after a tie) makes the result final.");
        }

        if (result.Steps.FirstOrDefault(s => s.Closed is not null)?.Closed is { } closed)
        {
            output.WriteLine();
            output.WriteLine($"The issue is closed by TagBot ({(closed.Completed ? "completed" : "not planned")}).");
        }
    }

    private static void Timeline(Scenario scenario, RehearsalResult result, TextWriter output)
    {
        // A sweep that changed nothing is left out: there is one every 24 hours. A commit comes before
        // the passes at its time: the files in force at a pass include every commit at or before it.
        var passes = result.Steps.Where(s => s.Kind != PassKind.Sweep || !s.ChangedNothing)
            .Select(step => (step.At, Order: 1, Left: StepLabel(step, result.Issue.Author), Right: Effects(step)));
        var commits = scenario.Commits
            .Select(commit => (commit.At, Order: 0, Left: CommitLabel(commit, result), Right: CommitEffect(commit, result)));
        var rows = commits.Concat(passes).OrderBy(r => r.At).ThenBy(r => r.Order).ToList();
        var width = Math.Min(64, rows.Max(r => r.Left.Length));
        foreach (var (_, _, left, right) in rows)
        {
            output.WriteLine(left.Length > width ? $"{left}\n{new string(' ', width)}  → {right}" : $"{left.PadRight(width)}  → {right}");
        }
    }

    private static string CommitLabel(ScenarioCommit commit, RehearsalResult result)
    {
        var changed = Version(result, commit.Id).Changed;
        return $"{Short(commit.At)}  commit {commit.Id}: {(changed.Count == 0 ? "no file changed" : string.Join(", ", changed))}";
    }

    /// <summary>What a commit means for the issue: GitHub sends TagBot no event for a push, so it is read by the next pass, if at all.</summary>
    private static string CommitEffect(ScenarioCommit commit, RehearsalResult result)
    {
        var message = commit.Message.Length == 0 ? "" : $"\"{FirstLine(commit.Message)}\" ";
        if (result.Record is not { } record || result.Frozen is not { } frozen)
        {
            return message + "lands; the next pass reads it";
        }

        if (commit.At <= record.FrozenAt)
        {
            return message + "lands before the election opens: part of what it freezes";
        }

        var pullRequest = result.Steps.FirstOrDefault(s => s.OpenedPullRequest is not null);
        return message + (pullRequest is not null && pullRequest.At < commit.At
            ? "lands after the roster pull request was opened: changes nothing for this election"
            : $"lands; the tally keeps the files frozen at {frozen.Commit}");
    }

    /// <summary>
    /// The rehearsal's default branch, commit by commit, and for an election what it froze, what its
    /// roster pull request edits and when its deadlines fall.
    /// </summary>
    private static void Files(Scenario scenario, RehearsalResult result, TextWriter output)
    {
        foreach (var version in result.Files.Versions)
        {
            var changed = version.Changed.Count == 0 ? "no file changed" : string.Join(", ", version.Changed);
            output.WriteLine(version.Source is { } commit
                ? $"{version.Commit}  {Stamp(commit.At)}: {changed}{(commit.Message.Length == 0 ? "" : $" — \"{FirstLine(commit.Message)}\"")}"
                : $"{version.Commit}  the scenario's own files: {changed}{(scenario.Policy is null ? " (policy: the defaults, no file)" : "")}");
        }

        if (result.Record is not { } record || result.Frozen is not { } frozen)
        {
            return;
        }

        var closed = result.Steps.FirstOrDefault(s => s.Added.Contains(result.Policy.Labels.ElectionClosed, StringComparer.OrdinalIgnoreCase));
        var later = scenario.Commits.Where(c => c.At > record.FrozenAt && (closed is null || c.At <= closed.At)).Select(c => c.Id).ToList();
        output.WriteLine();
        output.WriteLine($"The election froze the files of {frozen.Commit} when it opened ({Stamp(record.FrozenAt)}): its tally, electorate, "
            + "candidates, seats up and rules keep them until the close"
            + (later.Count == 0 ? "." : $"; {string.Join(", ", later)} landed while it was open and change{(later.Count == 1 ? "s" : "")} nothing for it."));
        if (result.Steps.FirstOrDefault(s => s.OpenedPullRequest is not null) is { OpenedPullRequest: { } pr } opened)
        {
            output.WriteLine($"The roster pull request edits {pr.Path} as it is at {opened.Commit}, in force when it was opened ({Stamp(opened.At)})"
                + (opened.Commit == frozen.Commit ? "." : ", not the frozen version."));
        }

        if (record.NominationsClose is { } nominations)
        {
            output.WriteLine($"Nominations close {Stamp(nominations)}: later /nominate, /accept and /decline are refused.");
        }

        if (record.VotingCloses is not { } voting)
        {
            output.WriteLine("No voting deadline (no `voting closes:` line in the issue body, no `elections.voting_days`): a chair closes the election.");
        }
        else if (closed is not null && closed.At == voting)
        {
            output.WriteLine($"Voting closed {Stamp(voting)}: the sweep closed the election then, with no comment, as a chair's /close-election at that moment would.");
        }
        else if (voting > result.Now)
        {
            output.WriteLine($"Voting closes {Stamp(voting)}, after `now`: the sweep closes the election then unless a chair closes it first.");
        }
        else
        {
            output.WriteLine($"Voting closes {Stamp(voting)} (frozen when the election opened).");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static RehearsalVersion Version(RehearsalResult result, string commit) => result.Files.Versions.First(v => v.Commit == commit);

    private static string StepLabel(RehearsalStep step, string author)
    {
        var when = Short(step.At);
        switch (step.Kind)
        {
            case PassKind.Comment when step.Comment is { } c:
                var what = Commands(c.Body);
                return $"{when}  #{c.Id} @{c.Author}: {(what.Length > 44 ? what[..43] + "…" : what)}";
            case PassKind.Opened:
                return $"{when}  issue opened by @{author}";
            case PassKind.Sweep:
                return $"{when}  periodic sweep";
            case PassKind.Deadline:
                return $"{when}  sweep at the voting deadline";
            default:
                return $"{when}  now";
        }
    }

    private static string Effects(RehearsalStep step)
    {
        var parts = new List<string>();
        foreach (var reaction in step.Reactions)
        {
            var emoji = reaction.Kind == ReactionKind.ThumbsUp ? "👍" : "😕";
            parts.Add(reaction.CommentId == step.Comment?.Id ? emoji : $"{emoji} on #{reaction.CommentId}");
        }

        parts.AddRange(step.NewReplies.Select(id => id == step.Comment?.Id ? "reply" : $"reply to #{id}"));
        if (step.StatusPosted)
        {
            parts.Add("status comment posted");
        }

        if (step.Added.Count > 0 || step.Removed.Count > 0)
        {
            parts.Add("labels " + string.Join(" ", step.Added.Select(l => "+" + l).Concat(step.Removed.Select(l => "−" + l))));
        }

        parts.AddRange(step.Notices.Select(n => "posts: " + Title(n.Body)));
        if (step.OpenedPullRequest is { } pr)
        {
            parts.Add($"opens the roster pull request ({pr.Branch})");
        }

        if (step.Closed is { } closed)
        {
            parts.Add($"closes the issue ({(closed.Completed ? "completed" : "not planned")})");
        }

        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    /// <summary>The command lines of a comment, or its first line when it has none.</summary>
    private static string Commands(string body)
    {
        var commands = CommandParser.Parse(body).Select(l => l.Text).ToList();
        if (commands.Count > 0)
        {
            return string.Join(" · ", commands);
        }

        var first = body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return $"\"{first}\"";
    }

    /// <summary>A notice's first heading, or its first line, without markdown.</summary>
    private static string Title(string body)
    {
        var line = WithoutMarker(body).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.TrimStart('#', ' ').Replace("`", "", StringComparison.Ordinal);
    }

    /// <summary>TagBot's hidden marker (an HTML comment on the first line) is invisible on GitHub: left out here too.</summary>
    private static string WithoutMarker(string body)
    {
        var text = Markers.IsMarked(body) && body.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0
            ? body[(end + 1)..]
            : body;
        return Trimmed(text);
    }

    /// <summary>The text with exactly one line break at the end.</summary>
    private static string Trimmed(string text) => text.TrimEnd() + "\n";

    private static void Heading(TextWriter output, string title)
    {
        output.WriteLine();
        output.WriteLine($"── {title} " + Rule[..Math.Max(4, Rule.Length - title.Length - 4)]);
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    private static string Format(RosterFormat format) => RosterFormats.Name(format);

    private static string Stamp(DateTimeOffset at) => Dates.Moment(at);

    private static string Short(DateTimeOffset at) => at.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
