using TagBot.Core.Commands;
using TagBot.Core.Elections.Phases;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Proposals;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>
/// The chairs' side of the replay: <c>/triage</c> (leads too), the first valid <c>/close-election</c>,
/// which freezes the rows and the allocation, and the <c>/break-tie</c> picks that re-allocate from
/// that frozen state until no tie is open.
/// </summary>
/// <param name="seatsUp">Null when the role is unknown: then the election cannot close.</param>
/// <param name="roleProblem">Why the role is unknown, for the refusal.</param>
/// <param name="electorateProblem">Why nobody can vote (an electorate file that cannot be read): a close then would elect with no one's vote.</param>
internal sealed class ChairCommands(Authority authority, SeatsUp? seatsUp, string? roleProblem, string? electorateProblem)
{
    private readonly Policy _policy = authority.Policy;
    private readonly List<TieBreakChoice> _tieBreaks = [];
    private readonly List<string> _picks = [];
    private readonly List<Uncounted> _afterClose = [];
    private readonly List<Reopening> _reopenings = [];

    public Triage? Triage { get; private set; }

    public ElectionClose? Close { get; private set; }

    /// <summary>The nominee rows as of the close: the tally shows these once closed.</summary>
    public IReadOnlyList<NomineeRow>? RowsAtClose { get; private set; }

    /// <summary>The allocation as of the close and the picks made since.</summary>
    public SeatAllocation? AtClose { get; private set; }

    /// <summary>The comment that made the result final, or null while open or tied.</summary>
    public CommentRef? FinalizedBy { get; private set; }

    public IReadOnlyList<TieBreakChoice> TieBreaks => _tieBreaks;

    /// <summary>Commands refused because they came after the close.</summary>
    public IReadOnlyList<Uncounted> AfterClose => _afterClose;

    public Verdict TriageBy(IssueComment comment, Command command)
    {
        if (!authority.MayTriage(comment.Author))
        {
            return Verdict.Refuse(comment, command,
                $"only chairs and leads ({Authority.List(_policy.Chairs.Union(_policy.Roles.Keys))}) can triage; "
                + $"the roster gives you {authority.RolesOf(comment.Author)}. Ask one of them to comment `/triage`.");
        }

        Triage ??= new Triage(true, comment.Author, CommentRef.Of(comment));
        return Verdict.Apply(comment, command);
    }

    /// <summary>The valid reopenings so far, oldest first.</summary>
    public IReadOnlyList<Reopening> Reopenings => _reopenings;

    /// <param name="rows">The rows as of this comment, to freeze.</param>
    /// <param name="phases">The election's deadlines: a chair may not close before <see cref="ElectionPhases.EarliestClose"/>.</param>
    public Verdict CloseBy(IssueComment comment, Command command, Func<IReadOnlyList<NomineeRow>> rows, ElectionPhases phases)
    {
        if (!authority.IsChair(comment.Author))
        {
            return Verdict.Refuse(comment, command,
                $"only chairs ({Authority.List(_policy.Chairs)}) can close an election; the roster gives you "
                + $"{authority.RolesOf(comment.Author)}. Ask a chair to comment `/close-election`.");
        }

        if (Close is not null)
        {
            return Verdict.Refuse(comment, command, ClosedBy(Close) + " The result stands.");
        }

        if (seatsUp is null)
        {
            return Verdict.Refuse(comment, command, $"the election cannot close: {roleProblem}");
        }

        if (electorateProblem is not null)
        {
            return Verdict.Refuse(comment, command, $"the election cannot close: {electorateProblem}");
        }

        if (phases.EarliestClose is { } earliest && comment.CreatedAt < earliest)
        {
            return Verdict.Refuse(comment, command,
                $"the election may close from {Dates.Moment(earliest)} (`elections.min_open_days: {_policy.Elections.MinOpenDays}`); "
                + "until then nominations and positions keep counting. Comment `/close-election` again from then.");
        }

        CloseWith(new ElectionClose(comment.Author, CommentRef.Of(comment)), rows);
        return Verdict.Apply(comment, command);
    }

    /// <summary>Closes the election at its voting deadline, as a chair's close at that moment would; nothing when it is closed or cannot close.</summary>
    public void CloseAtDeadline(DateTimeOffset deadline, string issueUrl, Func<IReadOnlyList<NomineeRow>> rows)
    {
        // An unreadable electorate holds the deadline's close too, until the file is fixed.
        if (Close is null && seatsUp is not null && electorateProblem is null)
        {
            CloseWith(ElectionClose.Deadline(deadline, issueUrl), rows);
        }
    }

    /// <summary>Closes the election as settled (<see cref="ElectionSettlement"/>); nothing when it is closed or cannot close.</summary>
    public void CloseSettled(ElectionClose close, Func<IReadOnlyList<NomineeRow>> rows)
    {
        if (Close is null && seatsUp is not null && electorateProblem is null)
        {
            CloseWith(close, rows);
        }
    }

    /// <summary>
    /// A chair undoes the close until the roster pull request is merged: the tally resumes from the
    /// positions as they were, and what was refused after the close stays uncounted.
    /// </summary>
    public Verdict ReopenBy(IssueComment comment, ReopenElectionCommand command, RosterPullRequestState pullRequest)
    {
        if (!authority.IsChair(comment.Author))
        {
            return Verdict.Refuse(comment, command,
                $"only chairs ({Authority.List(_policy.Chairs)}) can reopen an election; the roster gives you "
                + $"{authority.RolesOf(comment.Author)}.");
        }

        if (Close is null)
        {
            return Verdict.Refuse(comment, command, "the election is open: there is no close to undo.");
        }

        if (pullRequest == RosterPullRequestState.Merged)
        {
            return Verdict.Refuse(comment, command,
                "the roster pull request of this result is merged, so the roster already records it. To change it, open a new election.");
        }

        _reopenings.Add(new Reopening(Close, comment.Author, command.Reason, CommentRef.Of(comment)));
        Close = null;
        RowsAtClose = null;
        AtClose = null;
        FinalizedBy = null;
        _picks.Clear();
        _tieBreaks.Clear();
        return Verdict.Apply(comment, command);
    }

    private void CloseWith(ElectionClose close, Func<IReadOnlyList<NomineeRow>> rows)
    {
        var source = close.Source;
        Close = close;
        RowsAtClose = rows();
        AtClose = Allocate(seatsUp!, RowsAtClose, _policy.Elections.TieBreak, []);
        if (!AtClose.HasOpenTie)
        {
            FinalizedBy = source;
        }
    }

    public Verdict BreakTie(IssueComment comment, BreakTieCommand command)
    {
        if (!authority.IsChair(comment.Author))
        {
            return Verdict.Refuse(comment, command,
                $"only chairs ({Authority.List(_policy.Chairs)}) can break a tie; the roster gives you "
                + $"{authority.RolesOf(comment.Author)}.");
        }

        if (Close is null || AtClose is null || RowsAtClose is null || seatsUp is null)
        {
            return Verdict.Refuse(comment, command,
                "the election is still open: a tie is known only once a chair closes it with `/close-election`.");
        }

        if (!AtClose.HasOpenTie)
        {
            return Verdict.Refuse(comment, command, _policy.Elections.TieBreak == TieBreak.EarliestNomination
                ? "there is no tie to break: this repository resolves ties by the earliest nomination (`elections.tie_break: earliest-nomination`)."
                : _tieBreaks.Count > 0
                    ? $"no tie holds any more: @{_tieBreaks[^1].Chair} resolved it in {Markdown.Link("this comment", _tieBreaks[^1].Source.Url)}, and the result is final."
                    : "no tie holds at the cut-off: the result was final when the election closed.");
        }

        if (AtClose.OpenTieOf(command.Nominee) is not { } tie)
        {
            var open = AtClose.Ties.Where(t => !t.Resolved).ToList();
            return Verdict.Refuse(comment, command,
                $"@{command.Nominee} is not in the tie. Tied: "
                + string.Join("; ", open.Select(t => $"{ElectionText.Mentions(t.Nominees)} for {ElectionText.Seats(t.Seats)}"))
                + $". Name one of them, e.g. `/break-tie @{open[0].Nominees[0]}`.");
        }

        var pick = tie.Nominees.First(n => Login.Comparer.Equals(n, command.Nominee));
        var source = CommentRef.Of(comment);
        _picks.Add(pick);
        _tieBreaks.Add(new TieBreakChoice(comment.Author, pick, tie.Nominees, tie.Seats, source));
        AtClose = Allocate(seatsUp, RowsAtClose, _policy.Elections.TieBreak, _picks);
        if (!AtClose.HasOpenTie)
        {
            FinalizedBy = source;
        }

        return Verdict.Apply(comment, command);
    }

    /// <summary>Refuses a command that would change the frozen tally, and lists <paramref name="what"/> as not counted.</summary>
    public Verdict RefuseAfterClose(IssueComment comment, Command command, IReadOnlyList<string> what)
    {
        var source = CommentRef.Of(comment);
        foreach (var item in what)
        {
            _afterClose.Add(new Uncounted(comment.Author, item, "after the close", source));
        }

        return Verdict.Refuse(comment, command, ClosedBy(Close!) + " Nothing after the close counts.");
    }

    /// <summary>Who a close would seat from <paramref name="rows"/>, given the chair's picks so far.</summary>
    public static SeatAllocation Allocate(SeatsUp seatsUp, IReadOnlyList<NomineeRow> rows, TieBreak tieBreak, IReadOnlyList<string> picks) =>
        SeatAllocator.Allocate(seatsUp.Limits(), rows.Select(r => r.AsCandidate()), tieBreak, picks);

    private static string ClosedBy(ElectionClose close) => $"this election was {close.Describe()}.";
}
