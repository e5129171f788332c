using System.Globalization;
using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Status;
using CommandParser = TagBot.Core.Commands.CommandParser;

namespace TagBot.Cli;

/// <summary>
/// What <c>simulate</c> prints of a rehearsal: the timeline of TagBot's passes, the labels, the
/// status comment, the replies, the comments posted once and the roster pull request.
/// </summary>
internal static class RehearsalReport
{
    private const string Rule = "────────────────────────────────────────────────────────────────────────";

    public static void Print(string file, Scenario scenario, Policy policy, Roster roster, RehearsalResult result, TextWriter output)
    {
        var issue = scenario.Issue;
        output.WriteLine($"TagBot rehearsal of {file} — nothing is sent to GitHub.");
        output.WriteLine($"Issue {Rehearsal.Repository}#{issue.Number} \"{issue.Title}\", opened by @{issue.Author} on {Stamp(issue.Created)}"
            + $" with labels: {List(issue.Labels)}.");
        output.WriteLine(scenario.Policy is null
            ? "Policy: the defaults (the scenario has no `policy:`)."
            : $"Policy: from the scenario; roster format {Format(policy.Roster.Format)}, file {policy.Roster.Path}.");
        output.WriteLine($"Roster: {roster.People.Count} {(roster.People.Count == 1 ? "person" : "people")}; "
            + (roster.Roles.Count == 0 ? "no roles." : string.Join(", ", roster.Roles.Select(r => $"{r.Key} {r.Value.Count}")) + "."));
        output.WriteLine("TagBot ran when the issue was opened, on each comment at its time, every 24 hours after the opening "
            + $"(the periodic sweep) and at `now`, {Stamp(result.Now)}.");

        Heading(output, "Timeline");
        Timeline(result, output);

        output.WriteLine();
        output.WriteLine($"Labels: {List(result.Labels)}");
        if (!policy.Tracks(issue.Labels))
        {
            output.WriteLine($"TagBot does not track this issue: give it the label `{policy.Proposals.Label}` or `{policy.Elections.Label}` "
                + "in `issue.labels`. Only /tagbot commands are answered.");
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
                : "None yet: TagBot opens it when a chair's /close-election (or /break-tie after a tie) makes the result final.");
        }

        if (result.Steps.FirstOrDefault(s => s.Closed is not null)?.Closed is { } closed)
        {
            output.WriteLine();
            output.WriteLine($"The issue is closed by TagBot ({(closed.Completed ? "completed" : "not planned")}).");
        }
    }

    private static void Timeline(RehearsalResult result, TextWriter output)
    {
        // A sweep that changed nothing is left out: there is one every 24 hours.
        var rows = result.Steps.Where(s => s.Kind != PassKind.Sweep || !s.ChangedNothing)
            .Select(step => (Left: StepLabel(step, result.Issue.Author), Right: Effects(step)))
            .ToList();
        var width = Math.Min(64, rows.Max(r => r.Left.Length));
        foreach (var (left, right) in rows)
        {
            output.WriteLine(left.Length > width ? $"{left}\n{new string(' ', width)}  → {right}" : $"{left.PadRight(width)}  → {right}");
        }
    }

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
