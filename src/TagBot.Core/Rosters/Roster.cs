using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// Who holds which role. Immutable. Logins compare as <see cref="Login"/> does (any casing) and keep
/// their written case; role ids compare exactly.
/// </summary>
/// <remarks>
/// Holding a role means being listed under it, whatever the term dates say: an expired term still counts until
/// a roster pull request moves the holder to <c>emeritus</c>, because the roster file — reviewed and merged by
/// maintainers — is the single source of truth for roles, and the bot should not silently disenfranchise
/// a chair the day a date passes. Term dates matter only to elections (seats up, who moves to emeritus), which
/// read <see cref="SeatHolder.Term"/> themselves.
/// A holder need not appear in <c>people</c>; such a holder simply has no name, company or region.
/// </remarks>
public sealed class Roster
{
    private readonly Dictionary<string, List<string>> rolesByLogin = new(Login.Comparer);

    /// <exception cref="ArgumentException">Two people share a login (case-insensitively).</exception>
    public Roster(
        IEnumerable<Person> people,
        IReadOnlyDictionary<string, IReadOnlyList<SeatHolder>> roles,
        IEnumerable<EmeritusEntry> emeritus)
    {
        People = ValueCollections.Map(people.Select(p => KeyValuePair.Create(p.GitHub.Value, p)), Login.Comparer);
        Roles = ValueCollections.Map(
            roles.Select(e => KeyValuePair.Create(e.Key, ValueCollections.List(e.Value))),
            StringComparer.Ordinal);
        Emeritus = ValueCollections.List(emeritus);
        foreach (var (role, holders) in Roles)
        {
            foreach (var holder in holders)
            {
                var held = rolesByLogin.TryGetValue(holder.GitHub, out var list) ? list : rolesByLogin[holder.GitHub] = [];
                if (!held.Contains(role, StringComparer.Ordinal))
                {
                    held.Add(role);
                }
            }
        }
    }

    public static Roster Empty { get; } = new([], new Dictionary<string, IReadOnlyList<SeatHolder>>(), []);

    /// <summary>Everyone in <c>people</c>, by login (case-insensitive), in file order.</summary>
    public IReadOnlyDictionary<string, Person> People { get; }

    /// <summary>Role id → its holders, both in file order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SeatHolder>> Roles { get; }

    public IReadOnlyList<EmeritusEntry> Emeritus { get; }

    public Person? FindPerson(string login) => People.TryGetValue(login, out var person) ? person : null;

    /// <summary>Whether <paramref name="login"/> is listed under <paramref name="role"/> (whatever the term dates).</summary>
    public bool HasRole(string login, string role) =>
        rolesByLogin.TryGetValue(login, out var roles) && roles.Contains(role, StringComparer.Ordinal);

    /// <summary>The roles <paramref name="login"/> is listed under, in the file's role order.</summary>
    public IReadOnlyList<string> RolesOf(string login) =>
        rolesByLogin.TryGetValue(login, out var roles) ? [.. roles] : [];

    /// <summary>The holders of <paramref name="role"/>; empty when the roster does not list that role.</summary>
    public IReadOnlyList<SeatHolder> HoldersOf(string role) => Roles.TryGetValue(role, out var holders) ? holders : [];

    /// <summary>Whether <paramref name="login"/> holds any of <paramref name="roles"/> (e.g. the policy's voters).</summary>
    public bool HasAnyRole(string login, IEnumerable<string> roles) => roles.Any(role => HasRole(login, role));
}
