namespace TagBot.Core.Policies;

/// <summary>How a tie at the cut-off of an election is resolved.</summary>
public enum TieBreak
{
    /// <summary>A chair resolves it with <c>/break-tie</c> (<c>chair</c>).</summary>
    Chair,

    /// <summary>The earliest nomination wins (<c>earliest-nomination</c>).</summary>
    EarliestNomination,
}

/// <summary>The <c>elections:</c> section of <c>.github/tagbot.yml</c>.</summary>
/// <param name="Label">Label that makes an issue an election.</param>
/// <param name="Role">Role an election issue fills, unless its body says <c>role: X</c>; a key of <see cref="Policy.Roles"/>.</param>
/// <param name="SelfNomination">Whether one may nominate oneself.</param>
/// <param name="NomineeMustAccept">Whether a nominee must <c>/accept</c> (a self-nomination is its own consent).</param>
/// <param name="Candidates">Roster roles a nominee must hold; <see cref="Anyone"/> allows everyone.</param>
/// <param name="SupportRequired">Binding supports a nominee needs to be electable.</param>
/// <param name="ObjectionsVeto">Whether an open binding objection makes a nominee unelectable.</param>
/// <param name="TieBreak">How a tie at the cut-off is resolved.</param>
/// <param name="Reviewers">Extra reviewers of roster pull requests: logins or <c>org/team</c>.</param>
/// <remarks><see cref="Schedule"/> (<c>elections.schedule</c>) and <see cref="Electorate"/> (<c>elections.electorate</c>) are
/// set with <c>with</c>; they default to off and none.</remarks>
public sealed record ElectionPolicy(
    string Label,
    string Role,
    bool SelfNomination,
    bool NomineeMustAccept,
    IReadOnlyList<string> Candidates,
    int SupportRequired,
    bool ObjectionsVeto,
    TieBreak TieBreak,
    IReadOnlyList<string> Reviewers)
{
    /// <summary>The special <see cref="Candidates"/> value that lets anyone stand.</summary>
    public const string Anyone = "anyone";

    public IReadOnlyList<string> Candidates { get; init => field = ValueCollections.List(value); } = ValueCollections.List(Candidates);

    public IReadOnlyList<string> Reviewers { get; init => field = ValueCollections.List(value); } = ValueCollections.List(Reviewers);

    /// <summary>Days from the opening (the freeze) until nominations close, unless the issue body gives the time; null: no deadline.</summary>
    public int? NominationsDays { get; init; }

    /// <summary>Days from the opening until voting closes and the sweep closes the election, unless the issue body gives the time; null: a chair closes it.</summary>
    public int? VotingDays { get; init; }

    /// <summary>Whole days from the opening before a chair may close the election.</summary>
    public int MinOpenDays { get; init; }

    /// <summary>The share of the frozen electorate that must take part for a result to seat anyone; null: no quorum.</summary>
    public Fraction? Quorum { get; init; }

    /// <summary>Whether TagBot closes the election itself once nominations are closed and no voter who has not taken part could change who is elected.</summary>
    public bool CloseWhenDecided { get; init; }

    /// <summary>Public comment votes, or a secret ballot on TagBot's ballot page (<c>elections.ballot</c>).</summary>
    public BallotMode Ballot { get; init; } = BallotMode.Comments;

    /// <summary>How a secret ballot is marked (<c>elections.ballot_type</c>): approval checkboxes or ranks.</summary>
    public Elections.Ballots.BallotKind BallotType { get; init; } = Elections.Ballots.BallotKind.Approval;

    /// <summary>Whether a ranked ballot may leave candidates unranked ("no opinion"; <c>elections.allow_no_opinion</c>).</summary>
    public bool AllowNoOpinion { get; init; } = true;

    /// <summary>The folder of the repository where a secret ballot's anonymized ballots are published (<c>elections.ballots_path</c>).</summary>
    public string BallotsPath { get; init; } = "elections/ballots";

    /// <summary>True when the election votes by secret ballot.</summary>
    public bool Secret => Ballot == BallotMode.Secret;

    /// <summary>Scheduled elections, term reminders and retirements (<c>elections.schedule</c>).</summary>
    public SchedulePolicy Schedule { get; init; } = SchedulePolicy.Default;

    /// <summary>
    /// The electorate file (<c>elections.electorate</c>): when set, its voters replace the roster roles of
    /// <c>voters</c> as the binding voters of elections. Null (the default): <c>voters</c> decides.
    /// </summary>
    public ElectorateSettings? Electorate { get; init; }

    public static ElectionPolicy Default { get; } = new(
        Label: "nomination",
        Role: "tech_lead",
        SelfNomination: true,
        NomineeMustAccept: true,
        Candidates: ["member", "tech_lead", "chair"],
        SupportRequired: 1,
        ObjectionsVeto: false,
        TieBreak: TieBreak.Chair,
        Reviewers: []);

    /// <summary>True when <see cref="Candidates"/> contains <c>anyone</c>: every login may be nominated.</summary>
    public bool AnyoneMayStand => Candidates.Contains(Anyone, StringComparer.Ordinal);
}
