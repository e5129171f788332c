using TagBot.Core.Commands;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Proposals;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>
/// The election rules of SPEC §6 as one pure function of (policy, roster, issue, comments). Comments
/// by people are replayed in creation order; each person's latest command about a nominee is their
/// position; the first valid <c>/close-election</c> freezes the tally, and the result is computed as
/// of it. See <c>README.md</c> in this folder for every rule the SPEC left open.
/// </summary>
public static class ElectionEngine
{
    /// <param name="now">Unused today (elections have no time-based transitions); kept so hosts call every engine alike.</param>
    public static ElectionTally Tally(Authority authority, IssueSnapshot issue, ElectionContext context, DateTimeOffset now, Func<string> help)
    {
        _ = now;
        return new Replay(authority, issue, context, help).Run();
    }

    private sealed class Replay
    {
        private static readonly StringComparer Logins = Login.Comparer;

        private readonly Authority _authority;
        private readonly IssueSnapshot _issue;
        private readonly ElectionContext _context;
        private readonly Func<string> _help;
        private readonly Policy _policy;
        private readonly ElectionPolicy _rules;
        private readonly Roster _roster;
        private readonly string _role;
        private readonly string? _roleProblem;
        private readonly RolePolicy? _roleRules;
        private readonly SeatsUp? _seatsUp;

        private readonly Dictionary<string, Nomination> _nominations = new(Logins);
        private readonly Dictionary<(Login Voter, Login Nominee), ElectionPosition> _positions = [];
        private readonly Dictionary<(Login Voter, Login Nominee), Uncounted> _withdrawn = [];
        private readonly List<Uncounted> _uncounted = [];
        private readonly List<Verdict> _verdicts = [];
        private readonly List<TieBreakChoice> _tieBreaks = [];
        private readonly List<string> _picks = [];
        private Triage? _triage;
        private ElectionClose? _close;
        private IReadOnlyList<NomineeRow>? _rowsAtClose;
        private SeatAllocation? _atClose;
        private CommentRef? _finalizedBy;

        public Replay(Authority authority, IssueSnapshot issue, ElectionContext context, Func<string> help)
        {
            _authority = authority;
            _issue = issue;
            _context = context;
            _help = help;
            _policy = authority.Policy;
            _rules = _policy.Elections;
            _roster = authority.Roster;
            (_role, _roleProblem) = ElectionRole.Resolve(context.IssueBody, _policy);
            _roleRules = _roleProblem is null ? _policy.RoleOrNull(_role) : null;
            if (_roleRules is not null)
            {
                _seatsUp = SeatsUp.Compute(_policy, _role, _roleRules, _roster, DateOnly.FromDateTime(issue.CreatedAt.UtcDateTime));
            }
        }

        public ElectionTally Run()
        {
            foreach (var comment in _issue.Chronological.Where(c => !c.AuthorIsBot))
            {
                foreach (var command in CommandReader.Read(comment.Body, IssueKind.Election))
                {
                    _verdicts.Add(command switch
                    {
                        NominateCommand n => Nominate(comment, n),
                        AcceptCommand => Answer(comment, command, Consent.Accepted),
                        DeclineCommand => Answer(comment, command, Consent.Declined),
                        SupportCommand s => Support(comment, s),
                        ObjectCommand o => Object(comment, o),
                        WithdrawCommand w => Withdraw(comment, w),
                        TriageCommand => TriageBy(comment, command),
                        CloseElectionCommand => CloseBy(comment, command),
                        BreakTieCommand b => BreakTie(comment, b),
                        _ => CommonCommands.Judge(comment, command, _help) ?? Verdict.Apply(comment, command),
                    });
                }
            }

            var rows = _rowsAtClose ?? Rows();
            var provisional = _close is null && _seatsUp is not null ? Allocate(rows, []) : null;
            var outcome = _close is null ? null : Outcome();
            var stage = outcome switch
            {
                null => ElectionStage.Open,
                { IsFinal: false } => ElectionStage.Tie,
                _ => ElectionStage.Closed,
            };
            var triage = _triage ?? (_close is not null || (_context.SeenBefore && !_issue.HasLabel(_policy.Labels.Triage))
                ? Triage.ByLabelRemoval
                : Triage.Pending);

            return new ElectionTally(
                stage,
                _role,
                _rules,
                _roleProblem is null ? [] : [_roleProblem],
                _seatsUp,
                Electorate(),
                rows,
                [.. _positions.Values.OrderBy(p => p.Source.At).ThenBy(p => p.Source.Id).ThenBy(p => p.Nominee, Logins)],
                [.. _withdrawn.Values.Concat(_uncounted).OrderBy(u => u.Source.At).ThenBy(u => u.Source.Id)],
                triage,
                _tieBreaks,
                provisional,
                outcome,
                Missing(stage, rows, provisional, outcome),
                _context.PullRequest,
                _verdicts);
        }

        // ---- Nominations and consent -------------------------------------------------------------

        private Verdict Nominate(IssueComment comment, NominateCommand command)
        {
            var author = comment.Author;
            var person = _roster.FindPerson(command.Nominee ?? author);
            var nominee = person?.GitHub ?? command.Nominee ?? author;
            if (_close is not null)
            {
                return AfterClose(comment, command, [$"nomination of @{nominee}"]);
            }

            var self = Logins.Equals(nominee, author);
            var who = self ? "you" : "@" + nominee;
            if (self && !_rules.SelfNomination)
            {
                return Verdict.Refuse(comment, command,
                    $"self-nomination is off in this repository (`elections.self_nomination: false`). Ask someone to nominate you with `/nominate @{author}`.");
            }

            if (_nominations.TryGetValue(nominee, out var existing))
            {
                var hint = existing.Consent switch
                {
                    Consent.Declined when self => " You declined; to stand again, comment `/accept`.",
                    Consent.Declined => $" They declined; to stand again, @{existing.Nominee} comments `/accept`.",
                    Consent.Pending when self => " To stand, comment `/accept`.",
                    _ => "",
                };
                return Verdict.Refuse(comment, command,
                    $"@{existing.Nominee} is already nominated, by @{existing.NominatedBy} on {Markdown.Date(existing.Source.At)} in "
                    + $"{Markdown.Link("this comment", existing.Source.Url)}.{hint}");
            }

            if (!_rules.AnyoneMayStand && !_roster.HasAnyRole(nominee, _rules.Candidates))
            {
                return Verdict.Refuse(comment, command,
                    $"{who} cannot stand: a nominee must hold one of the roles {Authority.List(_rules.Candidates)} in `{_policy.Roster.Path}`, "
                    + $"and the roster gives {(self ? "you" : "them")} {_authority.RolesOf(nominee)}. A roster change reviewed by the maintainers can add {(self ? "you" : "them")} first.");
            }

            if (_seatsUp is not null && _roleRules is not null)
            {
                if (_seatsUp.Continuing.FirstOrDefault(h => Logins.Equals(h.GitHub, nominee)) is { } holder)
                {
                    var until = holder.Term is { } t ? $"until {t.End:yyyy-MM-dd}, past the next election ({_seatsUp.NextElection:yyyy-MM-dd})" : "with no end date";
                    return Verdict.Refuse(comment, command,
                        $"{who} already {(self ? "hold" : "holds")} `{_role}` {until}, so {(self ? "your" : "their")} seat is not up in this election.");
                }

                if (_roleRules.MaxConsecutiveTerms is { } max)
                {
                    var run = TermLimit.CurrentRun(_roster, _role, nominee, _seatsUp.AsOf, _roleRules.MonthsBetweenElections);
                    if (run.Count >= max)
                    {
                        return Verdict.Refuse(comment, command,
                            $"{who} {(self ? "have" : "has")} served {run.Count} consecutive {(run.Count == 1 ? "term" : "terms")} as `{_role}` "
                            + $"({run[0].Start:yyyy-MM-dd} to {run[^1].End:yyyy-MM-dd}) and `max_consecutive_terms` is {max}: another term would exceed it.");
                    }
                }
            }

            var rosterRegion = SeatsUp.RegionOf(_policy, person?.Region);
            string? region = null;
            if (_policy.Regions.Count == 0)
            {
                if (command.Region is { } written)
                {
                    return Verdict.Refuse(comment, command,
                        $"this repository defines no regions, so `{written}` cannot be one. Leave it out: `/nominate{(self ? "" : " @" + nominee)}`.");
                }
            }
            else if (command.Region is { } written)
            {
                region = SeatsUp.RegionOf(_policy, written);
                if (region is null)
                {
                    return Verdict.Refuse(comment, command,
                        $"`{written}` is not a region here; the regions are {Regions()}. For example: `/nominate @{nominee} {_policy.Regions[0]}`.");
                }
            }
            else
            {
                region = rosterRegion;
                if (region is null)
                {
                    var given = person?.Region is { Length: > 0 } r ? $"the region `{r}`, which is not one of {Regions()}" : "no region";
                    return Verdict.Refuse(comment, command,
                        $"the roster gives {(self ? "you" : "@" + nominee)} {given}, so name the region {(self ? "you stand" : "they stand")} in: "
                        + $"`/nominate @{nominee} REGION` with REGION one of {Regions()}.");
                }
            }

            var source = CommentRef.Of(comment);
            _nominations[nominee] = new Nomination(
                nominee,
                region,
                rosterRegion,
                person?.Company,
                author,
                source,
                _nominations.Count,
                self ? Consent.Accepted : Consent.Pending,
                self ? source : null,
                _seatsUp?.Expiring.Any(h => Logins.Equals(h.GitHub, nominee)) ?? false);
            return Verdict.Apply(comment, command);
        }

        private Verdict Answer(IssueComment comment, Command command, Consent answer)
        {
            var author = comment.Author;
            if (_close is not null)
            {
                return AfterClose(comment, command, [answer == Consent.Accepted ? "acceptance" : "decline"]);
            }

            if (!_nominations.TryGetValue(author, out var nomination))
            {
                var standing = _rules.SelfNomination ? " To stand, comment `/nominate`." : " To stand, ask someone to nominate you.";
                return Verdict.Refuse(comment, command,
                    $"only a nominee can accept or decline, and you are not nominated in this election{NomineeList()}.{(answer == Consent.Accepted ? standing : "")}");
            }

            _nominations[author] = nomination with { Consent = answer, ConsentSource = CommentRef.Of(comment) };
            return Verdict.Apply(comment, command);
        }

        // ---- Positions -----------------------------------------------------------------------------

        private Verdict Support(IssueComment comment, SupportCommand command)
        {
            if (_close is not null)
            {
                return AfterClose(comment, command, [.. command.Nominees.Select(n => $"support of @{n}")]);
            }

            if (command.Nominees.Count == 0)
            {
                return Verdict.Refuse(comment, command, "name the nominees you support: `/support @alice @bob`.");
            }

            var unknown = command.Nominees.Where(n => !_nominations.ContainsKey(n)).ToList();
            if (unknown.Count > 0)
            {
                return Verdict.Refuse(comment, command,
                    $"{SeatAllocator.Mentions(unknown)} {(unknown.Count == 1 ? "is" : "are")} not nominated{NomineeList()}. Nothing from this line was recorded: "
                    + $"nominate {(unknown.Count == 1 ? "them" : "each")} first (`/nominate @{unknown[0]}`), or leave them out.");
            }

            if (command.Nominees.Any(n => Logins.Equals(n, comment.Author)))
            {
                return Verdict.Refuse(comment, command,
                    $"you cannot support yourself: standing already says you want the seat. Nothing from this line was recorded; leave @{comment.Author} out.");
            }

            foreach (var nominee in command.Nominees)
            {
                Take(comment, _nominations[nominee].Nominee, Stance.Support, null);
            }

            return Verdict.Apply(comment, command);
        }

        private Verdict Object(IssueComment comment, ObjectCommand command)
        {
            if (command.Nominee is not { } named)
            {
                return Verdict.Refuse(comment, command, "name the nominee you object to, then give a reason: `/object @alice <reason>`.");
            }

            if (_close is not null)
            {
                return AfterClose(comment, command, [$"objection to @{named}"]);
            }

            if (!_nominations.TryGetValue(named, out var nomination))
            {
                return Verdict.Refuse(comment, command, $"@{named} is not nominated{NomineeList()}, so there is nothing to object to.");
            }

            if (Logins.Equals(named, comment.Author))
            {
                return Verdict.Refuse(comment, command, "you cannot object to yourself. To stop standing, comment `/decline`.");
            }

            Take(comment, nomination.Nominee, Stance.Object, command.Reason);
            return Verdict.Apply(comment, command);
        }

        private Verdict Withdraw(IssueComment comment, WithdrawCommand command)
        {
            if (command.Nominee is not { } named)
            {
                return Verdict.Refuse(comment, command, "name the nominee your support or objection was about: `/withdraw @alice`.");
            }

            if (_close is not null)
            {
                return AfterClose(comment, command, [$"withdrawal on @{named}"]);
            }

            var key = Key(comment.Author, named);
            if (!_positions.Remove(key, out var previous))
            {
                return Verdict.Refuse(comment, command,
                    $"you have no support or objection on @{named} to withdraw. To state one, comment `/support @{named}` or `/object @{named} <reason>`.");
            }

            _withdrawn[key] = new Uncounted(comment.Author, Describe(previous), "withdrawn", CommentRef.Of(comment));
            return Verdict.Apply(comment, command);
        }

        private void Take(IssueComment comment, string nominee, Stance stance, string? reason)
        {
            var key = Key(comment.Author, nominee);
            _positions[key] = new ElectionPosition(comment.Author, nominee, stance, reason, _authority.IsVoter(comment.Author), CommentRef.Of(comment));
            _withdrawn.Remove(key);
        }

        // ---- Chairs --------------------------------------------------------------------------------

        private Verdict TriageBy(IssueComment comment, Command command)
        {
            if (!_authority.MayTriage(comment.Author))
            {
                return Verdict.Refuse(comment, command,
                    $"only chairs and leads ({Authority.List(_policy.Chairs.Union(_policy.Roles.Keys))}) can triage; "
                    + $"the roster gives you {_authority.RolesOf(comment.Author)}. Ask one of them to comment `/triage`.");
            }

            _triage ??= new Triage(true, comment.Author, CommentRef.Of(comment));
            return Verdict.Apply(comment, command);
        }

        private Verdict CloseBy(IssueComment comment, Command command)
        {
            if (!_authority.IsChair(comment.Author))
            {
                return Verdict.Refuse(comment, command,
                    $"only chairs ({Authority.List(_policy.Chairs)}) can close an election; the roster gives you "
                    + $"{_authority.RolesOf(comment.Author)}. Ask a chair to comment `/close-election`.");
            }

            if (_close is not null)
            {
                return Verdict.Refuse(comment, command, ClosedBy(_close) + " The result stands.");
            }

            if (_seatsUp is null)
            {
                return Verdict.Refuse(comment, command, $"the election cannot close: {_roleProblem}");
            }

            var source = CommentRef.Of(comment);
            _close = new ElectionClose(comment.Author, source);
            _rowsAtClose = Rows();
            _atClose = Allocate(_rowsAtClose, []);
            if (!_atClose.HasOpenTie)
            {
                _finalizedBy = source;
            }

            return Verdict.Apply(comment, command);
        }

        private Verdict BreakTie(IssueComment comment, BreakTieCommand command)
        {
            if (!_authority.IsChair(comment.Author))
            {
                return Verdict.Refuse(comment, command,
                    $"only chairs ({Authority.List(_policy.Chairs)}) can break a tie; the roster gives you "
                    + $"{_authority.RolesOf(comment.Author)}.");
            }

            if (_close is null || _atClose is null || _rowsAtClose is null)
            {
                return Verdict.Refuse(comment, command,
                    "the election is still open: a tie is known only once a chair closes it with `/close-election`.");
            }

            if (!_atClose.HasOpenTie)
            {
                return Verdict.Refuse(comment, command, _rules.TieBreak == TieBreak.EarliestNomination
                    ? "there is no tie to break: this repository resolves ties by the earliest nomination (`elections.tie_break: earliest-nomination`)."
                    : _tieBreaks.Count > 0
                        ? $"no tie holds any more: @{_tieBreaks[^1].Chair} resolved it in {Markdown.Link("this comment", _tieBreaks[^1].Source.Url)}, and the result is final."
                        : "no tie holds at the cut-off: the result was final when the election closed.");
            }

            if (_atClose.OpenTieOf(command.Nominee) is not { } tie)
            {
                var open = _atClose.Ties.Where(t => !t.Resolved).ToList();
                return Verdict.Refuse(comment, command,
                    $"@{command.Nominee} is not in the tie. Tied: "
                    + string.Join("; ", open.Select(t => $"{SeatAllocator.Mentions(t.Nominees)} for {Seats(t.Seats)}"))
                    + $". Name one of them, e.g. `/break-tie @{open[0].Nominees[0]}`.");
            }

            var pick = tie.Nominees.First(n => Logins.Equals(n, command.Nominee));
            var source = CommentRef.Of(comment);
            _picks.Add(pick);
            _tieBreaks.Add(new TieBreakChoice(comment.Author, pick, tie.Nominees, tie.Seats, source));
            _atClose = Allocate(_rowsAtClose, _picks);
            if (!_atClose.HasOpenTie)
            {
                _finalizedBy = source;
            }

            return Verdict.Apply(comment, command);
        }

        private Verdict AfterClose(IssueComment comment, Command command, IReadOnlyList<string> what)
        {
            var source = CommentRef.Of(comment);
            foreach (var item in what)
            {
                _uncounted.Add(new Uncounted(comment.Author, item, "after the close", source));
            }

            return Verdict.Refuse(comment, command, ClosedBy(_close!) + " Nothing after the close counts.");
        }

        // ---- Tally ---------------------------------------------------------------------------------

        private List<NomineeRow> Rows()
        {
            var rows = new List<NomineeRow>();
            foreach (var nomination in _nominations.Values.OrderBy(n => n.Order))
            {
                var on = _positions.Values.Where(p => Logins.Equals(p.Nominee, nomination.Nominee)).ToList();
                var supports = on.Count(p => p.Binding && p.Stance == Stance.Support);
                var objectors = on.Where(p => p.Binding && p.Stance == Stance.Object).OrderBy(p => p.Source.At).ThenBy(p => p.Source.Id).ToList();
                var missing = new List<string>();
                if (nomination.Consent == Consent.Declined)
                {
                    missing.Add("declined");
                }
                else if (nomination.Consent == Consent.Pending && _rules.NomineeMustAccept)
                {
                    missing.Add("not accepted yet");
                }

                if (supports < _rules.SupportRequired)
                {
                    var more = _rules.SupportRequired - supports;
                    missing.Add(more == 1 ? "needs 1 more binding support" : $"needs {more} more binding supports");
                }

                if (_rules.ObjectionsVeto && objectors.Count > 0)
                {
                    missing.Add($"vetoed by a binding objection ({SeatAllocator.Mentions(objectors.Select(p => p.Voter))})");
                }

                rows.Add(new NomineeRow(
                    nomination,
                    supports,
                    on.Count(p => !p.Binding && p.Stance == Stance.Support),
                    objectors.Count,
                    on.Count(p => !p.Binding && p.Stance == Stance.Object),
                    missing));
            }

            return rows;
        }

        private SeatAllocation Allocate(IReadOnlyList<NomineeRow> rows, IReadOnlyList<string> picks) =>
            SeatAllocator.Allocate(
                _seatsUp!.Limits(),
                rows.Select(r => new SeatCandidate(
                    r.Nominee,
                    r.Nomination.Region,
                    r.Nomination.Company,
                    r.BindingSupports,
                    r.Nomination.Order,
                    r.Electable ? null : string.Join("; ", r.Missing))),
                _rules.TieBreak,
                picks);

        private ElectionOutcome Outcome()
        {
            var allocation = _atClose!;
            if (_finalizedBy is null)
            {
                return new ElectionOutcome(allocation, _close!, null, null, [], []);
            }

            var start = DateOnly.FromDateTime(_finalizedBy.At.UtcDateTime);
            var term = new Term(start, start.AddMonths(_roleRules!.TermMonths));
            var seats = allocation.Elected
                .Select(a => new ElectedSeat(_role, a.Candidate.GitHub, a.Candidate.Region, a.Candidate.Company, term,
                    _roster.HasRole(a.Candidate.GitHub, _role), a.Rank))
                .ToList();
            var elected = seats.Select(s => s.GitHub).ToHashSet(Logins);
            var retirements = _roster.HoldersOf(_role)
                .Where(h => h.Term is { } t && t.End <= start && !elected.Contains(h.GitHub))
                .DistinctBy(h => h.GitHub)
                .Select(h => new Retirement(_role, h.GitHub, h.Term))
                .ToList();
            return new ElectionOutcome(allocation, _close!, _finalizedBy, term, seats, retirements);
        }

        private List<string> Missing(ElectionStage stage, IReadOnlyList<NomineeRow> rows, SeatAllocation? provisional, ElectionOutcome? outcome)
        {
            var missing = new List<string>();
            if (stage == ElectionStage.Tie && outcome is not null)
            {
                foreach (var tie in outcome.Allocation.Ties.Where(t => !t.Resolved))
                {
                    missing.Add($"a chair to break the tie between {SeatAllocator.Mentions(tie.Nominees)} for {Seats(tie.Seats)}: "
                        + $"`/break-tie @{tie.Nominees[0]}` (or another of them)");
                }
            }

            if (stage != ElectionStage.Open)
            {
                return missing;
            }

            if (rows.Count == 0)
            {
                missing.Add("nominations: comment `/nominate` to stand, or `/nominate @user` to nominate someone");
            }

            foreach (var row in rows.Where(r => !r.Electable && r.Nomination.Consent != Consent.Declined))
            {
                missing.Add($"@{row.Nominee}: {string.Join("; ", row.Missing.Select(m => m == "not accepted yet" ? "to accept (`/accept`)" : m))}");
            }

            if (_seatsUp is not null)
            {
                foreach (var region in _seatsUp.Regions.Where(r => r.Up > 0))
                {
                    var electable = rows.Count(r => r.Electable && r.Nomination.Region == region.Region);
                    if (electable < region.Up)
                    {
                        missing.Add($"{region.Region}: {Seats(region.Up!.Value)} up, {Electable(electable)}");
                    }
                }

                if (_seatsUp.TotalUp is { } total && rows.Count(r => r.Electable) < total)
                {
                    missing.Add($"{Seats(total)} up, {Electable(rows.Count(r => r.Electable))}");
                }
            }

            foreach (var unmet in provisional?.UnmetMinimums ?? [])
            {
                missing.Add($"{unmet.Region}'s minimum of {unmet.Minimum} ({unmet.Why})");
            }

            missing.Add("a chair to close the election with `/close-election`");
            return missing;
        }

        // ---- Helpers -------------------------------------------------------------------------------

        private Electorate Electorate() => new(
            _policy.Voters,
            _roster.Roles.Where(r => _policy.Voters.Contains(r.Key, StringComparer.Ordinal))
                .SelectMany(r => r.Value)
                .Select(h => h.GitHub)
                .Distinct()
                .Count());

        private static (Login, Login) Key(string voter, string nominee) => (voter, nominee);

        private static string Describe(ElectionPosition position) =>
            position.Stance == Stance.Support ? $"support of @{position.Nominee}" : $"objection to @{position.Nominee}";

        private static string ClosedBy(ElectionClose close) =>
            $"this election was closed by @{close.Chair} in {Markdown.Link("this comment", close.Source.Url)} on {Markdown.Date(close.Source.At)}.";

        private static string Seats(int n) => n == 1 ? "1 seat" : $"{n} seats";

        private static string Electable(int n) => n switch
        {
            0 => "no electable nominee yet",
            1 => "1 electable nominee",
            _ => $"{n} electable nominees",
        };

        private string Regions() => string.Join(", ", _policy.Regions.Select(r => $"`{r}`"));

        private string NomineeList() => _nominations.Count == 0
            ? " (nobody is nominated yet)"
            : $" (nominees: {SeatAllocator.Mentions(_nominations.Values.OrderBy(n => n.Order).Select(n => n.Nominee))})";
    }
}
