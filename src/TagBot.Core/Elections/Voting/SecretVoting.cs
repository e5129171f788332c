using TagBot.Core.Commands;
using TagBot.Core.Elections.Ballots;
using TagBot.Core.Elections.Phases;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Voting;

/// <summary>
/// The secret-ballot side of the replay: nominations and endorsements (public <c>/support</c>) run until voting
/// opens, at the nominations deadline or a chair's <c>/open-voting</c>; that moment freezes the candidates (the
/// nominees electable then). From then on the ballot page takes the votes and comments no longer do; the close
/// counts the sealed ballots into the order that fills the seats.
/// </summary>
internal sealed class SecretVoting(Authority authority, ElectionPhases phases, SecretBallots box)
{
    private readonly Policies.ElectionPolicy _rules = authority.Policy.Elections;
    private IReadOnlyList<NomineeRow>? _rowsAtOpen;
    private BallotResult? _count;

    public VotingOpening? Opening { get; private set; }

    public bool Open => Opening is not null;

    /// <summary>The nominees on the ballot, in nomination order: those electable when voting opened.</summary>
    public IReadOnlyList<NomineeRow> Candidates => [.. (_rowsAtOpen ?? []).Where(r => r.Electable)];

    /// <summary>Opens voting at the nominations deadline once <paramref name="at"/> reaches it.</summary>
    public void OpenIfDue(DateTimeOffset at, bool closed, Func<IReadOnlyList<NomineeRow>> rows)
    {
        if (!Open && !closed && phases.NominationsClose is { } deadline && at >= deadline)
        {
            OpenWith(new VotingOpening(deadline, null, null), rows);
        }
    }

    public Verdict OpenBy(IssueComment comment, OpenVotingCommand command, bool closed, Func<IReadOnlyList<NomineeRow>> rows)
    {
        if (!authority.IsChair(comment.Author))
        {
            return Verdict.Refuse(comment, command,
                $"only chairs ({Authority.List(authority.Policy.Chairs)}) can open voting; the roster gives you {authority.RolesOf(comment.Author)}.");
        }

        if (closed)
        {
            return Verdict.Refuse(comment, command, "the election is closed: there is no vote to open.");
        }

        if (Opening is { } opening)
        {
            return Verdict.Refuse(comment, command, $"voting is already open: it {opening.Describe()}.");
        }

        var candidates = rows().Where(r => r.Electable).ToList();
        if (candidates.Count == 0)
        {
            return Verdict.Refuse(comment, command,
                "no nominee is electable yet, so the ballot would be empty. Voting opens once someone has accepted and has "
                + $"{ElectionText.Plural(_rules.SupportRequired, "endorsement", "endorsements")} (`/support @user`).");
        }

        OpenWith(new VotingOpening(comment.CreatedAt, comment.Author, CommentRef.Of(comment)), rows);
        return Verdict.Apply(comment, command);
    }

    /// <summary>Why a nomination, acceptance or decline no longer counts once voting opened.</summary>
    public string NominationsClosed() =>
        $"voting {Opening!.Describe()}, which closed nominations: the ballot's candidates are fixed. Nominations, acceptances and declines after it do not count.";

    /// <summary>Why a <c>/support</c>, <c>/object</c> or <c>/withdraw</c> comment does not count once voting opened.</summary>
    public string VoteByBallot() =>
        // No address here: a reply is written once and must follow from the issue alone (as `audit` recomputes it); the
        // status comment, refreshed every pass, carries the link.
        "this election votes by secret ballot, and voting is open: comments no longer count as votes. Cast (or change) your "
        + "ballot on the ballot page linked in TagBot's status comment on this issue, after signing in with GitHub; how you vote "
        + "is never shown here.";

    /// <summary>Why a chair cannot close before voting opened.</summary>
    public string NotOpenYet() =>
        "voting has not opened yet, so there are no ballots to count. "
        + (phases.NominationsClose is { } n ? $"It opens when nominations close ({Dates.Moment(n)}), or " : "")
        + "a chair opens it with `/open-voting`; close after that.";

    /// <summary>
    /// The rows as of the opening, the candidates scored by the count once the sealed ballots are given (unscored, 0,
    /// until then: the host then seals the box and decides again).
    /// </summary>
    public IReadOnlyList<NomineeRow> Rows() =>
        [.. (_rowsAtOpen ?? []).Select(r => r.Electable ? r with { BallotScore = Count?.Score(r.Nominee) ?? 0 } : r)];

    /// <summary>The count of the sealed ballots over the candidates; null while the box is open.</summary>
    private BallotResult? Count => _count ??= Open && box.Ballots is { } ballots
        ? BallotCount.Count(_rules.BallotType, [.. Candidates.Select(c => c.Nominee)], [.. ballots.Select(b => b.Ballot)])
        : null;

    /// <summary>Who of the electorate has voted, against the quorum: a ballot is taking part.</summary>
    public Turnout Turnout(Electorate electorate)
    {
        // Once sealed, the ballots are the turnout (one per voter): a recount from the published ballots alone agrees.
        var voted = box.Ballots?.Count ?? box.Voters.Where(authority.IsElectionVoter).Distinct(Login.Comparer).Count();
        return new Turnout(voted, electorate.People, _rules.Quorum, _rules.Quorum is { } q ? q.Of(electorate.People) : null);
    }

    public SecretVote View(bool closed) => new(
        _rules.BallotType,
        _rules.AllowNoOpinion,
        Opening,
        Candidates,
        [.. box.Voters.Order(Login.Comparer)],
        box.PageUrl,
        closed ? Count : null,
        closed ? box.Ballots ?? [] : [])
    {
        AwaitingBallots = closed && box.Ballots is null,
    };

    private void OpenWith(VotingOpening opening, Func<IReadOnlyList<NomineeRow>> rows)
    {
        Opening = opening;
        _rowsAtOpen = rows();
    }
}
