using TagBot.Core.Governance;

namespace TagBot.Core.Schedule;

/// <summary>An election issue to open now.</summary>
/// <param name="Role">The role it fills (its body says <c>role: X</c>).</param>
/// <param name="TermEnd">The earliest term end no election covered yet: what made it due (its marker).</param>
/// <param name="CloseOn">The suggested close date written in its timeline.</param>
/// <param name="Title">The issue title.</param>
/// <param name="Body">The issue body, with the marker, seats up, timeline and any due reminders.</param>
/// <param name="Labels">The election label.</param>
public sealed record ScheduledElection(string Role, DateOnly TermEnd, DateOnly CloseOn, string Title, string Body, IReadOnlyList<string> Labels);

/// <summary>A holder whose term is ending, to be reminded.</summary>
public sealed record EndingTerm(string Role, string GitHub, DateOnly End);

/// <summary>A reminder comment to post on an election issue, for one or more holders.</summary>
/// <param name="Issue">The election issue that fills (or filled) their seats.</param>
/// <param name="Holders">Whom it reminds.</param>
/// <param name="Body">The comment, starting with one marker per holder.</param>
public sealed record TermReminder(int Issue, IReadOnlyList<EndingTerm> Holders, string Body);

/// <summary>
/// What the schedule does now. Applying it and planning again on the resulting GitHub state plans
/// nothing more: every action leaves a marker (or an issue) that the next plan reads back.
/// </summary>
/// <param name="Elections">Election issues to open (at most one per role).</param>
/// <param name="Reminders">Reminder comments to post on existing election issues.</param>
/// <param name="Retirements">The roster pull request moving holders whose term ended to <c>emeritus</c>, or null.</param>
/// <param name="Notes">Why something due is not done now (waiting, or cannot be done): for the log.</param>
public sealed record SchedulePlan(
    IReadOnlyList<ScheduledElection> Elections,
    IReadOnlyList<TermReminder> Reminders,
    RosterPullRequestDraft? Retirements,
    IReadOnlyList<string> Notes)
{
    public static SchedulePlan Nothing { get; } = new([], [], null, []);

    public bool IsEmpty => Elections.Count == 0 && Reminders.Count == 0 && Retirements is null;
}
