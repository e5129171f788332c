namespace TagBot.Core.Rosters;

/// <summary>
/// Combines a <c>cncf-toc</c> or <c>markdown-table</c> roster with the policy's <c>roster.members_path</c>, a
/// <c>tagbot</c>-format file that adds people and members.
/// </summary>
public static class RosterMerge
{
    /// <summary>The role that comes from the members file.</summary>
    public const string MemberRole = "member";

    /// <summary>
    /// Leadership roles (and their emeritus entries) from <paramref name="leadership"/>; the <c>member</c> role (and
    /// its emeritus entries) from <paramref name="members"/>. A person known to both files keeps the leadership
    /// file's name and company, and takes what it lacks (the region, always, for cncf-toc) from the members file.
    /// A leadership holder the leadership file gives no term takes the term the members file lists for them in the
    /// same role: Kubernetes' <c>sigs.yaml</c> may not carry terms (its generator rejects unknown fields), so a
    /// group that wants them keeps them there. Who holds a leadership role still comes from the leadership file
    /// alone. Without a members file the leadership roster is returned as it is.
    /// </summary>
    public static Roster Combine(Roster leadership, Roster? members)
    {
        if (members is null)
        {
            return leadership;
        }
        var people = leadership.People.Values
            .Select(p => members.FindPerson(p.GitHub) is { } m
                ? p with { Name = p.Name ?? m.Name, Company = p.Company ?? m.Company, Region = p.Region ?? m.Region }
                : p)
            .Concat(members.People.Values.Where(m => leadership.FindPerson(m.GitHub) is null));
        var roles = leadership.Roles.Where(r => r.Key != MemberRole)
            .Select(r => KeyValuePair.Create(r.Key, (IReadOnlyList<SeatHolder>)[.. r.Value.Select(h => h.Term is null ? h with { Term = TermIn(members, r.Key, h.GitHub) } : h)]))
            .Concat(members.Roles.Where(r => r.Key == MemberRole))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var emeritus = leadership.Emeritus.Where(e => e.Role != MemberRole)
            .Concat(members.Emeritus.Where(e => e.Role == MemberRole));
        return new Roster(people, roles, emeritus);
    }

    private static Term? TermIn(Roster members, string role, Login holder) =>
        members.HoldersOf(role).FirstOrDefault(h => h.GitHub == holder)?.Term;
}
