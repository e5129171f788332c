using TagBot.Core.Commands;
using TagBot.Core.Issues;
using TagBot.Core.Proposals;
using TagBot.Core.Status;

namespace TagBot.Core.Governance;

/// <summary>
/// The one entry point of the core: (policy, roster, issue, comments, now) → desired state.
/// The issue's labels say which workflow applies; everything else follows from the comments.
/// </summary>
public static class IssueDecider
{
    public static DesiredState Decide(DecisionInput input)
    {
        var authority = new Authority(input.Policy, input.Roster, input.Electorate, input.Teams);
        var issue = input.Issue;
        var labels = input.Policy.Labels;
        var seenBefore = issue.Comments.Any(c => c.ByTagBot && Markers.IsStatus(c.Body));

        // An issue carrying both labels is run as an election, the more specific workflow.
        if (issue.HasLabel(input.Policy.Elections.Label))
        {
            if (RegionCheck.Warning(input.Policy, input.Roster) is { } regions)
            {
                input = input with { Warnings = [regions, .. input.Warnings] };
            }

            return Elections.ElectionDecision.Decide(input, authority, seenBefore);
        }

        if (issue.HasLabel(input.Policy.Proposals.Label))
        {
            // With proposals.electorate: frozen, positions are judged by the roster frozen at the opening, people by user ID.
            var identities = Elections.Record.Identities.Of(input.Record, issue);
            var tally = ProposalEngine.Tally(authority, identities.Apply(issue), seenBefore, input.Now, () => HelpText.Render(IssueKind.Proposal));
            var frozen = input.Record is { } record ? Elections.Record.FrozenView.Of(record, issue, input.CurrentFiles, identities, input.CurrentTeams) : null;
            IReadOnlyList<Notice> notices = input.Record is { } posted && Elections.Record.ElectionRecord.CommentOf(issue) is null
                ? [new Notice(Markers.ElectionRecord, Elections.Record.ElectionRecordText.Render(posted, authority, election: false))]
                : [];
            var desired = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { StageLabel(tally.Stage, labels) };
            if (!tally.Triage.Done)
            {
                desired.Add(labels.Triage);
            }

            var (reactions, replies) = Feedback.For(tally.Verdicts);
            return new DesiredState(
                desired,
                ProposalLabels(labels),
                ProposalStatus.Render(tally, authority, input.Warnings, frozen),
                reactions,
                replies,
                tally.Decision is { } d && issue.IsOpen ? new Closure($"close:{d.Source.Id}", d.Decision == Decision.Accept) : null)
            {
                Notices = notices,
            };
        }

        return Untracked(input, seenBefore);
    }

    /// <summary>
    /// With no valid policy TagBot refuses to act, but never silently: an issue that carries a
    /// default watched label, or that TagBot tracked before, gets a status comment saying why.
    /// </summary>
    public static DesiredState CannotAct(IssueSnapshot issue, IReadOnlyList<string> warnings)
    {
        var defaults = Policies.Policy.Default;
        var tracked = issue.HasLabel(defaults.Proposals.Label) || issue.HasLabel(defaults.Elections.Label)
            || issue.Comments.Any(c => c.ByTagBot && Markers.IsStatus(c.Body));
        if (!tracked)
        {
            return DesiredState.Nothing;
        }

        var text = new System.Text.StringBuilder();
        StatusText.Header(text, "TagBot", "not acting", warnings);
        return DesiredState.Nothing with { StatusComment = text.ToString() };
    }

    /// <summary>
    /// When deciding failed (a bug, or a file TagBot cannot handle), the issue is not left silent: its
    /// status comment says what went wrong and what to do, and nothing else changes until the next pass.
    /// </summary>
    /// <param name="problem">What went wrong, in a line (the exception's message).</param>
    public static DesiredState Failed(IssueSnapshot issue, IReadOnlyList<string> warnings, string problem)
    {
        var text = new System.Text.StringBuilder();
        StatusText.Header(text, "TagBot", "stopped on an error", warnings);
        text.Append("TagBot could not work out this issue's state, so it changed nothing else: labels, replies and results stay as they were.\n\n")
            .Append("```text\n").Append(problem.Replace("`", "'", StringComparison.Ordinal)).Append("\n```\n\n")
            .Append("If the message names a file (the policy or the roster), fix it there: TagBot tries again at its next pass ")
            .Append("(any comment, or the periodic sweep). Otherwise this is a bug in TagBot: please report it with a link to this issue.\n");
        return DesiredState.Nothing with { StatusComment = text.ToString() };
    }

    /// <summary>
    /// An issue without a watched label only answers <c>/tagbot</c>. If TagBot tracked it before
    /// (its label was removed), the status comment says so and TagBot's labels come off.
    /// </summary>
    private static DesiredState Untracked(DecisionInput input, bool seenBefore)
    {
        var verdicts = new List<Verdict>();
        foreach (var comment in input.Issue.Chronological.Where(c => !c.AuthorIsBot))
        {
            foreach (var command in CommandReader.Read(comment.Body, IssueKind.Other))
            {
                verdicts.Add(command is StatusCommand && !seenBefore
                    ? Verdict.Refuse(comment, command,
                        $"this issue is not tracked: TagBot follows issues labelled `{input.Policy.Proposals.Label}` or `{input.Policy.Elections.Label}`.")
                    : CommonCommands.Judge(comment, command, () => HelpText.Render(IssueKind.Other)) ?? Verdict.Apply(comment, command));
            }
        }

        var (reactions, replies) = Feedback.For(verdicts);
        var status = seenBefore
            ? $"{Markers.Status}\n## Not tracked\n\nThis issue no longer carries `{input.Policy.Proposals.Label}` or `{input.Policy.Elections.Label}`, "
              + "so TagBot stopped tracking it and removed its labels. Add the label back to resume.\n"
            : null;
        var managed = seenBefore ? input.Policy.Labels.All.ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
        return new DesiredState(new HashSet<string>(), managed, status, reactions, replies, null);
    }

    private static string StageLabel(ProposalStage stage, Policies.LabelNames labels) => stage switch
    {
        ProposalStage.Blocked => labels.Blocked,
        ProposalStage.Consensus => labels.Consensus,
        ProposalStage.Accepted => labels.Accepted,
        ProposalStage.Rejected => labels.Rejected,
        _ => labels.Discussion,
    };

    private static HashSet<string> ProposalLabels(Policies.LabelNames labels) =>
        new(StringComparer.OrdinalIgnoreCase) { labels.Triage, labels.Discussion, labels.Blocked, labels.Consensus, labels.Accepted, labels.Rejected };
}
