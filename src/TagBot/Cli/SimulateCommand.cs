using System.CommandLine;
using System.Globalization;
using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Reconcile;
using CommandParser = TagBot.Core.Commands.CommandParser;

namespace TagBot.Cli;

/// <summary>
/// <c>simulate FILE</c>: rehearsal without GitHub. Replays a scripted issue (policy, roster, issue,
/// comments with authors and times) through the same decider the bot runs, and prints what TagBot
/// would do: a timeline of its passes, the labels, the status comment, its replies, the result
/// comments and the roster pull request with its diff. Exit code 1 when the scenario is invalid.
/// </summary>
public static class SimulateCommand
{
    private const string Rule = "────────────────────────────────────────────────────────────────────────";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Scenario file (YAML): policy, roster, issue and comments; see examples/" };
        var command = new Command("simulate", "Rehearse an issue without GitHub: replay a scripted issue through TagBot and print what it would do.") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo file, TextWriter output, TextWriter error)
    {
        // Messages name the file as it was typed.
        var name = file.ToString();
        file = Locate(file);
        if (!file.Exists)
        {
            error.WriteLine($"{name}: no such file");
            return 2;
        }

        var (scenario, errors) = ScenarioReader.Read(File.ReadAllText(file.FullName));
        if (scenario is null)
        {
            return Fail(name, errors, error);
        }

        var loaded = PolicyLoader.Load(scenario.Policy?.Text, PolicyLoader.DefaultFileName);
        if (!loaded.IsValid)
        {
            return Fail(name, loaded.Errors.Select(scenario.Policy!.Locate), error);
        }

        var policy = loaded.Policy!;
        var settings = policy.Roster;
        if (scenario.Members is { } members && (settings.Format == RosterFormat.Tagbot || settings.MembersPath is null))
        {
            return Fail(name, [new ScenarioError(members.Line, members.Column, "members",
                "only used with a policy whose roster.format is cncf-toc or markdown-table and that sets roster.members_path; "
                + "with the tagbot format, put everyone in the roster")], error);
        }

        // The same reader (and the same combined document) as the bot's GovernanceSources.
        var combined = scenario.Roster.Text + (scenario.Members is null ? "" : "\n\u0000" + scenario.Members.Text);
        var (roster, rosterErrors) = GovernanceSources.ReadRoster(policy, combined);
        if (roster is null || rosterErrors.Count > 0)
        {
            return Fail(name, rosterErrors.Select(e => e.File == settings.MembersPath && scenario.Members is { } m
                ? m.Locate(e)
                : scenario.Roster.Locate(e)), error);
        }

        var result = Rehearsal.Run(scenario, policy, roster);
        Print(name, scenario, policy, roster, result, output);
        return 0;
    }

    /// <summary>
    /// <c>dotnet run --project src/TagBot</c> runs in the project's directory (the Web SDK sets
    /// <c>RunWorkingDirectory</c>), not the shell's: a relative path not found there is looked up in
    /// the shell's directory (<c>$PWD</c>, where the shell sets it), then in the parent directories.
    /// </summary>
    private static FileInfo Locate(FileInfo file)
    {
        var typed = file.ToString();
        if (file.Exists || Path.IsPathRooted(typed))
        {
            return file;
        }

        var directories = new List<string>();
        if (Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell)
        {
            directories.Add(shell);
        }

        for (var directory = new DirectoryInfo(Environment.CurrentDirectory).Parent; directory is not null; directory = directory.Parent)
        {
            directories.Add(directory.FullName);
        }

        return directories.Select(d => Path.Combine(d, typed)).FirstOrDefault(File.Exists) is { } found
            ? new FileInfo(found)
            : file;
    }

    private static int Fail(string file, IEnumerable<ScenarioError> errors, TextWriter error)
    {
        var list = errors.ToList();
        error.WriteLine($"{file}: {list.Count} error(s); nothing was simulated.");
        foreach (var e in list)
        {
            error.WriteLine(e.Format(file));
        }

        return 1;
    }

    private static void Print(string file, Scenario scenario, Policy policy, Roster roster, RehearsalResult result, TextWriter output)
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
        if (!policy.WatchedLabels.Any(w => issue.Labels.Contains(w, StringComparer.OrdinalIgnoreCase)))
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
        var text = body.StartsWith("<!-- tagbot:", StringComparison.Ordinal) && body.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0
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

    private static string Format(RosterFormat format) => format switch
    {
        RosterFormat.CncfToc => "cncf-toc",
        RosterFormat.MarkdownTable => "markdown-table",
        _ => "tagbot",
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Short(DateTimeOffset at) => at.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
