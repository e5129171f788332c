using TagBot.Core.Elections;
using TagBot.Core.Governance;
using TagBot.Core.Governance.Changes;
using TagBot.Core.Issues;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Cli;

/// <summary>
/// The pure part of <c>audit</c>: recompute an issue's desired state with the bot's own decider and
/// compare it with what TagBot posted, found the way the bot finds it again (comments by bots,
/// recognised by their hidden markers). Compared: the labels TagBot manages, the status comment, its
/// replies to commands, the comments it posts once (election results, roster pull request fates),
/// the roster pull request and the closing of a decided issue. Reactions are not compared (they are
/// feedback, and reading them costs a request per comment).
/// </summary>
internal static class IssueAudit
{
    public static AuditReport Run(DecisionInput input, DateTimeOffset? statusWrittenAt)
    {
        var report = Recompute(input, statusWrittenAt);
        var (tampered, intact) = RecordFindings(input);
        return report with
        {
            Compared = intact.Count + tampered.Count > 0 ? [.. report.Compared, "the result's digest"] : report.Compared,
            Differences = [.. tampered, .. report.Differences],
            Notes = [.. intact, .. report.Notes],
        };
    }

    /// <summary>
    /// Each result comment's digest checked against the comments it covers as GitHub has them now:
    /// every counted comment edited or deleted since the result was posted is a difference (the
    /// posted result is the record); otherwise a note says the record is intact.
    /// </summary>
    private static (IReadOnlyList<AuditFinding> Tampered, IReadOnlyList<string> Intact) RecordFindings(DecisionInput input)
    {
        var tampered = new List<AuditFinding>();
        var intact = new List<string>();
        foreach (var result in input.Issue.Comments.Where(c => c.ByTagBot && ElectionResult.IsResult(c.Body)))
        {
            if (Core.Elections.Record.ResultDigest.Parse(result.Body) is not { } digest)
            {
                continue;
            }

            var changes = digest.Changes(input.Issue, result.CreatedAt, input.Record);
            tampered.AddRange(changes.Select(c => new AuditFinding(
                c.CommentId == 0 ? "Counted comments" : $"Counted comment {c.CommentId}",
                $"{c.What}, after the result was posted; the posted result ({result.Url}) is the record and stands",
                c.Url ?? "gone from the issue")));
            if (changes.Count == 0)
            {
                intact.Add($"Record intact: the digest sha256:{digest.Value} of the result comment {result.Url} matches its "
                    + $"{digest.CommentIds.Count} counted comments and the frozen files.");
            }
        }

        return (tampered, intact);
    }

    private static AuditReport Recompute(DecisionInput input, DateTimeOffset? statusWrittenAt)
    {
        var desired = IssueDecider.Decide(input);
        var now = Compare(input.Issue, desired);
        var notes = Notes(input, desired).ToList();
        if (now.Differences.Count == 0)
        {
            return new AuditReport(now.Compared, [], [], notes, null);
        }

        // Time alone moves a proposal to consensus (the sweep applies it). When the recomputation as of
        // TagBot's last update matches what it posted, the rest is a change still due, not a wrong tally.
        if (statusWrittenAt is { } at && at < input.Now && Compare(input.Issue, IssueDecider.Decide(input with { Now = at })).Differences.Count == 0)
        {
            return new AuditReport(now.Compared, [], now.Differences, notes, at);
        }

        if (now.Differences.Any(d => d.Subject.StartsWith("Result comment", StringComparison.Ordinal)))
        {
            notes.Add("A result comment is written once, at the close, with the policy and roster of that day; this audit uses "
                + "today's. A change to either since then (other than this election's own roster pull request) can explain a difference in it.");
        }

        return new AuditReport(now.Compared, now.Differences, [], notes, null);
    }

    /// <summary>TagBot's status comment as the bot finds it: the first comment by a bot carrying the status marker.</summary>
    public static IssueComment? StatusComment(IssueSnapshot issue) =>
        issue.Comments.FirstOrDefault(c => c.ByTagBot && Markers.IsStatus(c.Body));

    /// <summary>
    /// The differences are the bot's own change plan from the issue as it is: what TagBot would still
    /// do is what it has not posted. Reactions and closes are left out (see the class remarks), and a
    /// comment posted once is also checked for its text, which the bot never edits.
    /// </summary>
    private static (IReadOnlyList<string> Compared, IReadOnlyList<AuditFinding> Differences) Compare(IssueSnapshot issue, DesiredState desired)
    {
        var compared = new List<string>();
        var differences = new List<AuditFinding>();
        var plan = ChangePlan.For(issue, desired, new HashSet<string>());
        var own = issue.Comments.Where(c => c.ByTagBot).ToList();

        if (desired.Labels.Count > 0 || desired.ManagedLabels.Count > 0)
        {
            compared.Add("labels");
            differences.AddRange(LabelFinding(issue, desired, plan));
        }

        if (desired.StatusComment is not null)
        {
            compared.Add("the status comment");
            var statuses = own.Where(c => Markers.IsStatus(c.Body)).ToList();
            if (statuses.Count > 1)
            {
                differences.Add(new AuditFinding("Status comment", $"posted {statuses.Count} times; TagBot keeps one and edits it in place",
                    string.Join("\n", statuses.Skip(1).Select(c => c.Url))));
            }
        }

        if (desired.Replies.Count > 0)
        {
            compared.Add(Count(desired.Replies.Count, "reply", "replies"));
        }

        foreach (var notice in desired.Notices)
        {
            var result = ElectionResult.IsResult(notice.Body);
            compared.Add(result ? "the result comment"
                : Markers.IsElectionReopened(notice.Body) ? "the reopening notice" : "the comment on the roster pull request's fate");
            if (own.FirstOrDefault(c => c.Body.StartsWith(notice.Marker, StringComparison.Ordinal)) is { } posted
                && !ChangePlan.SameText(posted.Body, notice.Body))
            {
                differences.Add(Differs(result ? "Result comment" : "Comment", posted, notice.Body));
            }
        }

        foreach (var action in plan)
        {
            switch (action)
            {
                case IssueAction.PostComment post:
                    differences.Add(new AuditFinding(Subject(issue, post.Role, post.Body, post.ReplyTo), "not posted",
                        "expected:\n" + ChangePlan.Normalize(post.Body)));
                    break;
                case IssueAction.EditComment edit:
                    differences.Add(Differs(Subject(issue, edit.Role, edit.Body, edit.ReplyTo), edit.Existing, edit.Body));
                    break;
                case IssueAction.OpenRosterPullRequest open:
                    differences.Add(new AuditFinding("Roster pull request",
                        $"none from branch `{open.Draft.Branch}`, though the result is final", $"expected: {open.Draft.Title}"));
                    break;
            }
        }

        return (compared, differences);
    }

    private static IEnumerable<AuditFinding> LabelFinding(IssueSnapshot issue, DesiredState desired, IReadOnlyList<IssueAction> plan)
    {
        var missing = plan.OfType<IssueAction.AddLabels>().SelectMany(a => a.Labels).ToList();
        var extra = plan.OfType<IssueAction.RemoveLabel>().Select(a => a.Label).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            yield break;
        }

        var posted = issue.Labels.Where(l => desired.ManagedLabels.Contains(l) || desired.Labels.Contains(l)).ToList();
        var detail = new List<string>();
        if (missing.Count > 0)
        {
            detail.Add($"missing: {List(missing)}");
        }

        if (extra.Count > 0)
        {
            detail.Add($"not expected: {List(extra)}");
        }

        yield return new AuditFinding("Labels", string.Join("; ", detail),
            $"expected: {List(desired.Labels.Order(StringComparer.Ordinal))}\nposted:   {List(posted)}");
    }

    private static string Subject(IssueSnapshot issue, CommentRole role, string body, long? replyTo) => role switch
    {
        CommentRole.Status => "Status comment",
        CommentRole.Reply => $"Reply to {(issue.Comments.FirstOrDefault(c => c.Id == replyTo) is { } to ? $"@{to.Author}'s comment {to.Url}" : $"comment {replyTo}")}",
        _ => ElectionResult.IsResult(body) ? "Result comment" : "Comment",
    };

    private static AuditFinding Differs(string subject, IssueComment posted, string expected) =>
        new($"{subject} ({posted.Url})", "differs (- posted, + expected)",
            RosterDiff.Render(ChangePlan.Normalize(posted.Body), ChangePlan.Normalize(expected)).TrimEnd('\n'));

    private static IEnumerable<string> Notes(DecisionInput input, DesiredState desired)
    {
        var issue = input.Issue;
        var policy = input.Policy;
        if (!policy.Tracks(issue.Labels))
        {
            yield return $"TagBot does not track this issue: it has neither `{policy.Proposals.Label}` nor `{policy.Elections.Label}`.";
        }

        if (desired.Close is not null)
        {
            yield return "The issue is decided but open. TagBot closes a decided issue once, so someone probably reopened it; this is not counted as a difference.";
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}

/// <summary>One thing TagBot posted that is not what the recomputation gives.</summary>
/// <param name="Subject">What differs, e.g. <c>Labels</c> or <c>Status comment (URL)</c>.</param>
/// <param name="Summary">How, in a few words.</param>
/// <param name="Detail">Expected and posted, or a line diff (<c>-</c> posted, <c>+</c> expected).</param>
internal sealed record AuditFinding(string Subject, string Summary, string Detail);

/// <param name="Compared">What was compared, in words.</param>
/// <param name="Differences">Differences the passing of time does not explain.</param>
/// <param name="Pending">Differences that time alone made since <paramref name="ConsistentAsOf"/>; TagBot's next pass applies them.</param>
/// <param name="Notes">Remarks that do not count as differences.</param>
/// <param name="ConsistentAsOf">When TagBot last wrote its status comment, if what it posted matches the recomputation as of then.</param>
internal sealed record AuditReport(
    IReadOnlyList<string> Compared,
    IReadOnlyList<AuditFinding> Differences,
    IReadOnlyList<AuditFinding> Pending,
    IReadOnlyList<string> Notes,
    DateTimeOffset? ConsistentAsOf)
{
    public bool IsConsistent => Differences.Count == 0;
}
