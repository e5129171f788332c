namespace TagBot.Core.Policies;

/// <summary>
/// The <c>elections.schedule:</c> section: elections TagBot opens by itself from the roster's terms,
/// reminders to holders whose term is ending, and roster pull requests moving holders whose term
/// ended to <c>emeritus</c> (rules in <c>src/TagBot.Core/Schedule/README.md</c>).
/// </summary>
/// <param name="Enabled">Off by default: opening issues and pull requests unasked is a step a group takes on purpose.</param>
/// <param name="LeadDays">Days before the earliest uncovered term end at which the election issue is opened (≥ 1).</param>
/// <param name="ReminderDays">Days before a term ends at which its holder is reminded; 0: no reminders.</param>
/// <param name="Roles">Roles scheduled; <c>null</c>: only <see cref="ElectionPolicy.Role"/>.</param>
public sealed record SchedulePolicy(
    bool Enabled = false,
    int LeadDays = 30,
    int ReminderDays = 30,
    IReadOnlyList<string>? Roles = null)
{
    public IReadOnlyList<string>? Roles { get; init => field = value is null ? null : ValueCollections.List(value); } =
        Roles is null ? null : ValueCollections.List(Roles);

    public static SchedulePolicy Default { get; } = new();

    /// <summary>The roles whose elections, reminders and retirements are scheduled.</summary>
    public IReadOnlyList<string> RolesOr(string electionRole) => Roles ?? [electionRole];
}
