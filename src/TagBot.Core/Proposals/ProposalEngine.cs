using TagBot.Core.Commands;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Proposals;

/// <summary>
/// The proposal rules as one pure function of (policy, roster, issue, comments, now).
/// Comments are replayed in creation order; each person's latest command is their position.
/// </summary>
public static class ProposalEngine
{
    public static ProposalTally Tally(Authority authority, IssueSnapshot issue, bool seenBefore, DateTimeOffset now, Func<string> help)
    {
        var rules = authority.Policy.Proposals;
        var positions = new Dictionary<string, Position>(Login.Comparer);
        var withdrawn = new Dictionary<string, Uncounted>(Login.Comparer);
        var uncounted = new List<Uncounted>();
        var verdicts = new List<Verdict>();
        ProposalDecision? decision = null;
        Triage? triage = null;

        var electorate = Elections.Electorate.ByRoles(authority).People;
        var discussionEnds = issue.CreatedAt.AddDays(rules.MinDiscussionDays);
        DateTimeOffset? lastAt = null;

        // With close_when_decided the outcome is settled at a moment that follows from the comments
        // alone (the last one before it, or the discussion's end), so every pass finds the same decision.
        void DecideIfSettled(DateTimeOffset before)
        {
            var at = lastAt is { } l && l > discussionEnds ? l : discussionEnds;
            if (!rules.CloseWhenDecided || decision is not null || at > before)
            {
                return;
            }

            var count = ProposalCount.Of(positions.Values, electorate);
            var accept = count.AcceptSettled(rules);
            if (accept || count.RejectSettled(rules))
            {
                decision = new ProposalDecision(accept ? Decision.Accept : Decision.Reject, "", count.Reasoning(rules, accept),
                    new CommentRef(-at.ToUnixTimeSeconds(), issue.Url, at));
            }
        }

        foreach (var comment in issue.Chronological.Where(c => !c.AuthorIsBot))
        {
            DecideIfSettled(comment.CreatedAt);
            lastAt = comment.CreatedAt;
            var author = comment.Author;
            var source = CommentRef.Of(comment);
            foreach (var command in CommandReader.Read(comment.Body, IssueKind.Proposal))
            {
                verdicts.Add(command switch
                {
                    SupportCommand => Take(Stance.Support, null),
                    ObjectCommand o => Take(Stance.Object, o.Nominee is null ? o.Reason : $"@{o.Nominee} {o.Reason}"),
                    WithdrawCommand => Withdraw(),
                    TriageCommand => TriageBy(),
                    DecideCommand d => Decide(d),
                    _ => CommonCommands.Judge(comment, command, help) ?? Verdict.Apply(comment, command),
                });

                Verdict Take(Stance stance, string? reason)
                {
                    if (decision is not null)
                    {
                        uncounted.Add(new Uncounted(author, Describe(stance), "stated after the decision", source));
                        return Verdict.Refuse(comment, command, AlreadyDecided(decision));
                    }

                    positions[author] = new Position(author, stance, reason, authority.IsVoter(author), source);
                    withdrawn.Remove(author);
                    return Verdict.Apply(comment, command);
                }

                Verdict Withdraw()
                {
                    if (decision is not null)
                    {
                        return Verdict.Refuse(comment, command, AlreadyDecided(decision));
                    }

                    if (!positions.Remove(author, out var previous))
                    {
                        return Verdict.Refuse(comment, command,
                            "you have no support or objection on this proposal to withdraw. To state one, comment `/support` or `/object <reason>`.");
                    }

                    withdrawn[author] = new Uncounted(author, Describe(previous.Stance), "withdrawn", source);
                    return Verdict.Apply(comment, command);
                }

                Verdict TriageBy()
                {
                    if (!authority.MayTriage(author))
                    {
                        return Verdict.Refuse(comment, command,
                            $"only chairs and leads ({Authority.List(authority.Policy.Chairs.Union(authority.Policy.Roles.Keys))}) can triage; "
                            + $"the roster gives you {authority.RolesOf(author)}. Ask one of them to comment `/triage`.");
                    }

                    triage ??= new Triage(true, author, source);
                    return Verdict.Apply(comment, command);
                }

                Verdict Decide(DecideCommand d)
                {
                    if (!authority.IsChair(author))
                    {
                        return Verdict.Refuse(comment, command,
                            $"only chairs ({Authority.List(authority.Policy.Chairs)}) can decide a proposal; the roster gives you "
                            + $"{authority.RolesOf(author)}. Ask a chair to comment `/decide accept` or `/decide reject`.");
                    }

                    if (decision is not null)
                    {
                        return Verdict.Refuse(comment, command, AlreadyDecided(decision)
                            + " To change it, the deciding chair edits or deletes that comment.");
                    }

                    decision = new ProposalDecision(d.Decision, author, d.Reason, source);
                    return Verdict.Apply(comment, command);
                }
            }
        }

        DecideIfSettled(now);
        var final = ProposalCount.Of(positions.Values, electorate);
        var supports = final.Supports;
        var blocking = rules.ObjectionsBlock && final.Objections > 0;
        var missing = new List<string>();
        if (now < discussionEnds)
        {
            missing.Add($"the discussion period, which ends {Markdown.Date(discussionEnds)}");
        }

        if (supports < final.Needed(rules))
        {
            var more = final.Needed(rules) - supports;
            missing.Add(more == 1 ? "1 more binding support" : $"{more} more binding supports");
        }

        if (!final.QuorumMet(rules))
        {
            missing.Add($"a quorum: {final.Voted} of {final.Electorate} voters took part, {final.QuorumNeeded(rules)} needed (`{rules.Quorum}`)");
        }

        if (blocking)
        {
            missing.Add("every binding objection withdrawn");
        }

        var stage = decision switch
        {
            { Decision: Decision.Accept } => ProposalStage.Accepted,
            { Decision: Decision.Reject } => ProposalStage.Rejected,
            _ when blocking => ProposalStage.Blocked,
            _ when missing.Count == 0 => ProposalStage.Consensus,
            _ => ProposalStage.Discussion,
        };

        triage ??= decision is not null || (seenBefore && !issue.HasLabel(authority.Policy.Labels.Triage))
            ? Triage.ByLabelRemoval
            : Triage.Pending;

        return new ProposalTally(
            stage,
            triage,
            decision,
            [.. positions.Values.OrderBy(p => p.Source.At).ThenBy(p => p.Source.Id)],
            [.. withdrawn.Values.Concat(uncounted).OrderBy(u => u.Source.At).ThenBy(u => u.Source.Id)],
            discussionEnds,
            decision is null ? missing : [],
            verdicts)
        {
            Count = final,
        };
    }

    private static string Describe(Stance stance) => stance == Stance.Support ? "support" : "objection";

    private static string AlreadyDecided(ProposalDecision decision) =>
        $"this proposal was already decided ({(decision.Decision == Decision.Accept ? "accepted" : "rejected")}) "
        + (decision.BySettlement
            ? $"by TagBot on {Markdown.Date(decision.Source.At)}, as the outcome could no longer change; positions no longer count."
            : $"by @{decision.Chair} in {Markdown.Link("this comment", decision.Source.Url)}; positions no longer count.");
}
