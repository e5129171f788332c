using TagBot.Core.Commands;
using TagBot.Core.Elections.Phases;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Proposals;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// One pass over an election issue's comments: people's commands in creation order (bots never
/// count) become nominations, consents and positions, until the first valid close freezes them.
/// </summary>
internal sealed class ElectionReplay
{
    private readonly Authority _authority;
    private readonly IssueSnapshot _issue;
    private readonly ElectionContext _context;
    private readonly Func<string> _help;
    private readonly DateTimeOffset _now;
    private readonly ElectionPhases _phases;
    private readonly Policy _policy;
    private readonly ElectionPolicy _rules;
    private readonly string _role;
    private readonly string? _roleProblem;
    private readonly RolePolicy? _roleRules;
    private readonly SeatsUp? _seatsUp;
    private readonly Electorate _electorate;

    private readonly Dictionary<string, Nomination> _nominations = new(Login.Comparer);
    private readonly ElectionPositions _positions;
    private readonly ChairCommands _chairs;
    private readonly List<Verdict> _verdicts = [];
    private readonly Voting.SecretVoting? _secret;

    public ElectionReplay(Authority authority, IssueSnapshot issue, ElectionContext context, DateTimeOffset now, Func<string> help)
    {
        _authority = authority;
        _issue = issue;
        _context = context;
        _help = help;
        _now = now;
        _policy = authority.Policy;
        _rules = _policy.Elections;
        _phases = ElectionPhases.Of(context.Record, _rules);
        (_role, _roleProblem) = ElectionRole.Resolve(context.IssueBody, _policy);
        _roleRules = _roleProblem is null ? _policy.RoleOrNull(_role) : null;
        if (_roleRules is not null)
        {
            _seatsUp = SeatsUp.Compute(_policy, _role, _roleRules, authority.Roster, DateOnly.FromDateTime(issue.CreatedAt.UtcDateTime));
        }

        _electorate = Electorate.Of(authority);
        _positions = new ElectionPositions(authority, _nominations);
        _chairs = new ChairCommands(authority, _seatsUp, _roleProblem, _electorate.Problem);
        _secret = _rules.Secret ? new Voting.SecretVoting(authority, _phases, context.Ballots) : null;
    }

    /// <summary>With a secret ballot, once voting opened: comments no longer nominate or vote.</summary>
    private bool VotingOpen => _secret?.Open == true;

    private bool Closed => _chairs.Close is not null;

    /// <summary>A reopening after the voting deadline lifts it: the chair who reopened closes again by hand.</summary>
    private bool DeadlineApplies => _chairs.Reopenings.Count == 0 || !_phases.VotingClosedAt(_chairs.Reopenings[^1].Source.At);

    public ElectionTally Run()
    {
        foreach (var comment in _issue.Chronological.Where(c => !c.AuthorIsBot))
        {
            _secret?.OpenIfDue(comment.CreatedAt, Closed, NominationRows);
            CloseIfDue(comment.CreatedAt);
            CloseIfSettled(comment.CreatedAt);
            _lastAt = comment.CreatedAt;
            foreach (var command in CommandReader.Read(comment.Body, IssueKind.Election))
            {
                _verdicts.Add(Judge(comment, _context.Identities.Apply(command)));
            }
        }

        _secret?.OpenIfDue(_now, Closed, NominationRows);
        CloseIfDue(_now);
        CloseIfSettled(_now);

        var rows = _chairs.RowsAtClose ?? Rows();
        // A secret ballot shows no provisional result: endorsements are not votes, and ballots stay sealed until the close.
        var provisional = !Closed && _seatsUp is not null && _secret is null ? ChairCommands.Allocate(_seatsUp, rows, _rules.TieBreak, []) : null;
        var outcome = _chairs.Close is { } close
            ? ElectionOutcome.Of(_chairs.AtClose!, close, _chairs.FinalizedBy, _role, _roleRules!, _authority.Roster)
            : null;
        var turnout = _secret?.Turnout(_electorate) ?? Turnout.Of(_positions.Current, _electorate, _rules.Quorum);
        if (outcome is { IsFinal: true } && !turnout.Met)
        {
            // Below quorum the close elects nobody, and nobody retires: the roster stays as it is.
            outcome = outcome with { Seats = [], Retirements = [] };
        }

        var stage = outcome switch
        {
            null => ElectionStage.Open,
            { IsFinal: false } => ElectionStage.Tie,
            _ => ElectionStage.Closed,
        };
        var triage = _chairs.Triage ?? (Closed || (_context.SeenBefore && !_issue.HasLabel(_policy.Labels.Triage))
            ? Triage.ByLabelRemoval
            : Triage.Pending);

        return new ElectionTally(
            stage,
            _role,
            _rules,
            [.. new[] { _roleProblem, _electorate.Problem }.OfType<string>()],
            _seatsUp,
            _electorate,
            rows,
            [.. _positions.Current.OrderBy(p => p.Source.At).ThenBy(p => p.Source.Id).ThenBy(p => p.Nominee, Login.Comparer)],
            [.. _positions.Withdrawn.Concat(_chairs.AfterClose).OrderBy(u => u.Source.At).ThenBy(u => u.Source.Id)],
            triage,
            _chairs.TieBreaks,
            provisional,
            outcome,
            [.. _secret is null ? ElectionChecklist.Missing(stage, rows, _seatsUp, provisional, outcome) : SecretMissing(stage, rows, outcome),
                .. stage == ElectionStage.Open && !turnout.Met ? [$"quorum: {turnout.Describe()}; {turnout.Needed - turnout.Voted} more needed."] : Array.Empty<string>()],
            _context.PullRequest,
            _verdicts)
        {
            Phases = _phases,
            Turnout = turnout,
            Reopenings = _chairs.Reopenings,
            Secret = _secret?.View(Closed),
        };
    }

    private List<string> SecretMissing(ElectionStage stage, IReadOnlyList<NomineeRow> rows, ElectionOutcome? outcome)
    {
        var missing = ElectionChecklist.Missing(stage, rows, _seatsUp, null, outcome).ToList();
        if (stage != ElectionStage.Open)
        {
            return missing;
        }

        // The comment checklist ends with the close; a secret ballot has the opening of the vote before it.
        missing.RemoveAt(missing.Count - 1);
        if (!VotingOpen)
        {
            missing.Add(_phases.NominationsClose is { } n
                ? $"voting opens when nominations close ({Status.Dates.Moment(n)}), or earlier by a chair's `/open-voting`"
                : "a chair to open voting with `/open-voting` (it fixes the candidates: those electable then)");
            return missing;
        }

        missing.Clear();
        missing.Add(_phases.VotingCloses is { } v
            ? $"ballots: voting closes {Status.Dates.Moment(v)}, when TagBot counts them"
            : "ballots, then a chair to close the election with `/close-election`, which counts them");
        return missing;
    }

    private DateTimeOffset? _lastAt;

    /// <summary>
    /// With <c>close_when_decided</c>: closes as of the moment the outcome settled, which follows from
    /// the comments alone (the last one before it, or the nominations deadline), so every pass agrees.
    /// </summary>
    private void CloseIfSettled(DateTimeOffset before)
    {
        // After a reopening the chair who reopened closes again by hand: the settled state would only close it again at once.
        if (!_rules.CloseWhenDecided || Closed || _chairs.Reopenings.Count > 0 || _seatsUp is null || _phases.NominationsClose is not { } nominations)
        {
            return;
        }

        var at = _lastAt is { } last && last > nominations ? last : nominations;
        var electorate = _electorate;
        if (at <= before
            && ElectionSettlement.Check(_seatsUp, Rows(), Turnout.Of(_positions.Current, electorate, _rules.Quorum), _rules) is { } reasoning)
        {
            _chairs.CloseSettled(ElectionClose.Settled(at, _issue.Url, reasoning), Rows);
        }
    }

    private void CloseIfDue(DateTimeOffset at)
    {
        // A secret ballot closes at the deadline only once voting opened: before that there is nothing to count.
        if (!Closed && DeadlineApplies && _phases.VotingClosedAt(at) && _secret is not { Open: false })
        {
            _chairs.CloseAtDeadline(_phases.VotingCloses!.Value, _issue.Url, Rows);
        }
    }

    // Once closed, every command that would change the tally is refused and listed as not counted.
    private Verdict Judge(IssueComment comment, Command command) => command switch
    {
        NominateCommand n => Nominate(comment, n),
        AcceptCommand => Answer(comment, command, Consent.Accepted),
        DeclineCommand => Answer(comment, command, Consent.Declined),
        SupportCommand s when Closed => _chairs.RefuseAfterClose(comment, s, [.. s.Nominees.Select(n => $"support of @{n}")]),
        SupportCommand or ObjectCommand or WithdrawCommand when VotingOpen && !Closed => Verdict.Refuse(comment, command, _secret!.VoteByBallot()),
        SupportCommand s => _positions.Support(comment, s),
        ObjectCommand { Nominee: { } named } o when Closed => _chairs.RefuseAfterClose(comment, o, [$"objection to @{named}"]),
        ObjectCommand o => _positions.Object(comment, o),
        WithdrawCommand { Nominee: { } named } w when Closed => _chairs.RefuseAfterClose(comment, w, [$"withdrawal on @{named}"]),
        WithdrawCommand w => _positions.Withdraw(comment, w),
        TriageCommand => _chairs.TriageBy(comment, command),
        OpenVotingCommand o when _secret is null => Verdict.Refuse(comment, o,
            "this election votes by public comments (`elections.ballot: comments`), so there is no ballot to open: `/support` and `/object` are the votes."),
        OpenVotingCommand o => _secret.OpenBy(comment, o, Closed, NominationRows),
        CloseElectionCommand when _secret is { Open: false } && !Closed && _authority.IsChair(comment.Author) => Verdict.Refuse(comment, command, _secret.NotOpenYet()),
        CloseElectionCommand => _chairs.CloseBy(comment, command, Rows, _phases),
        ReopenElectionCommand r when _secret is not null && Closed && _authority.IsChair(comment.Author) => Verdict.Refuse(comment, r,
            "a secret ballot cannot be reopened once counted: the ballot box is sealed (the secret that let a voter replace their "
            + "ballot is destroyed at the close) and the ballots are published. If the result must not stand, close the roster pull "
            + "request without merging and open a new election."),
        ReopenElectionCommand r => _chairs.ReopenBy(comment, r, _context.PullRequest),
        BreakTieCommand b => _chairs.BreakTie(comment, b),
        _ => CommonCommands.Judge(comment, command, _help) ?? Verdict.Apply(comment, command),
    };

    private Verdict Nominate(IssueComment comment, NominateCommand command)
    {
        var author = comment.Author;
        var person = _authority.Roster.FindPerson(command.Nominee ?? author);
        string nominee = person?.GitHub ?? command.Nominee ?? author;
        if (Closed)
        {
            return _chairs.RefuseAfterClose(comment, command, [$"nomination of @{nominee}"]);
        }

        if (VotingOpen)
        {
            return Verdict.Refuse(comment, command, _secret!.NominationsClosed());
        }

        if (_phases.NominationsClosedAt(comment.CreatedAt))
        {
            return Verdict.Refuse(comment, command, NominationsClosed());
        }

        var attempt = new NominationAttempt(author, nominee, command.Nominee is not null, command.Region, person);
        var refusal = NominationRules.LoginWithoutAt(attempt, _policy)
            ?? NominationRules.SelfNominationOff(attempt, _rules)
            ?? NominationRules.AlreadyNominated(attempt, _nominations.GetValueOrDefault(nominee))
            ?? NominationRules.NotACandidate(attempt, _authority)
            ?? (_seatsUp is null || _roleRules is null
                ? null
                : NominationRules.SeatNotUp(attempt, _seatsUp) ?? NominationRules.TermLimitReached(attempt, _authority.Roster, _seatsUp, _roleRules))
            ?? NominationRules.RegionWithoutRegions(attempt, _policy)
            ?? NominationRules.UnknownRegion(attempt, _policy)
            ?? NominationRules.RegionMissing(attempt, _policy);
        if (refusal is not null)
        {
            return Verdict.Refuse(comment, command, refusal);
        }

        var self = attempt.Self;
        var source = CommentRef.Of(comment);
        _nominations[nominee] = new Nomination(
            nominee,
            NominationRules.RegionOf(attempt, _policy),
            SeatsUp.RegionOf(_policy, person?.Region),
            person?.Company,
            author,
            source,
            _nominations.Count,
            self ? Consent.Accepted : Consent.Pending,
            self ? source : null,
            _seatsUp?.Expiring.Any(h => Login.Comparer.Equals(h.GitHub, nominee)) ?? false);
        return Verdict.Apply(comment, command);
    }

    private Verdict Answer(IssueComment comment, Command command, Consent answer)
    {
        var author = comment.Author;
        if (Closed)
        {
            return _chairs.RefuseAfterClose(comment, command, [answer == Consent.Accepted ? "acceptance" : "decline"]);
        }

        if (VotingOpen)
        {
            return Verdict.Refuse(comment, command, _secret!.NominationsClosed());
        }

        if (_phases.NominationsClosedAt(comment.CreatedAt))
        {
            return Verdict.Refuse(comment, command, NominationsClosed());
        }

        if (!_nominations.TryGetValue(author, out var nomination))
        {
            var standing = _rules.SelfNomination ? " To stand, comment `/nominate`." : " To stand, ask someone to nominate you.";
            return Verdict.Refuse(comment, command,
                $"only a nominee can accept or decline, and you are not nominated in this election{ElectionText.NomineeList(_nominations.Values)}.{(answer == Consent.Accepted ? standing : "")}");
        }

        // The latest answer wins while open: a decline withdraws, a later accept reinstates.
        _nominations[author] = nomination with { Consent = answer, ConsentSource = CommentRef.Of(comment) };
        return Verdict.Apply(comment, command);
    }

    private string NominationsClosed() =>
        $"nominations closed at {Status.Dates.Moment(_phases.NominationsClose!.Value)}"
        + (_phases.VotingCloses is { } v ? $"; voting closes at {Status.Dates.Moment(v)}" : "")
        + ". Nominations, acceptances and declines after the deadline do not count; `/support` and `/object` still do until voting closes.";

    /// <summary>The rows to close with: the nominations' counts, or with a secret ballot once voting opened, the candidates scored by the count.</summary>
    private IReadOnlyList<NomineeRow> Rows() => VotingOpen ? _secret!.Rows() : NominationRows();

    private List<NomineeRow> NominationRows() =>
        [.. _nominations.Values.OrderBy(n => n.Order).Select(n => NomineeRow.Of(n, _positions.Current, _rules))];
}
