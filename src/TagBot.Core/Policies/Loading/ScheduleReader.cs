using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>
/// The <c>elections.schedule:</c> section. Whether its roles are roles is checked once the whole file is
/// read, since <c>roles</c> may come later.
/// </summary>
internal static class ScheduleReader
{
    private const string Section = "elections.schedule";

    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of(Section);

    public static SchedulePolicy Read(ConfigNodeReader r, ConfigNode node, SchedulePolicy s)
    {
        foreach (var (key, value) in r.Fields(node, Keys))
        {
            s = key switch
            {
                "enabled" => r.TryBool(value, out var enabled) ? s with { Enabled = enabled } : s,
                "lead_days" => r.TryInt(value, 1, out var lead) ? s with { LeadDays = lead } : s,
                "reminder_days" => r.TryInt(value, 0, out var days, "a whole number ≥ 0 (0: no reminders)") ? s with { ReminderDays = days } : s,
                // null is a value of its own here: "elections.role only".
                "roles" when value.IsNull => s with { Roles = null },
                "roles" => s with { Roles = RoleListReader.Read(r, value, s.Roles ?? [], teams: false) },
                _ => throw SectionKeys.Unread(Section, key),
            };
        }
        return s;
    }
}
