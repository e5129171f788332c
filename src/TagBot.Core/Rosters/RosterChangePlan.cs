namespace TagBot.Core.Rosters;

/// <summary>An operation that cannot be applied to the roster, and why.</summary>
internal sealed record RosterProblem(RosterOperation Operation, string Message);

/// <summary>
/// A change checked against the roster it edits, the same way for every format: the operations that still
/// have an effect (logins spelled as the file spells them, a retirement's term filled in), or the problems.
/// Operations already in effect are dropped — a seat held with the same term, a reseat to the same term, a
/// retirement already recorded as emeritus — so applying a change twice gives the file it gave once.
/// </summary>
internal sealed record RosterChangePlan(IReadOnlyList<RosterOperation> Operations, IReadOnlyList<RosterProblem> Problems)
{
    /// <param name="roster">The roster as the file reads now.</param>
    /// <param name="change">The change to apply.</param>
    /// <param name="keepsEmeritus">Whether the file records retirements (otherwise a retirement only removes).</param>
    /// <param name="recordsTerms">Whether a role's list records terms; when it does not, terms never differ.</param>
    public static RosterChangePlan Make(Roster roster, RosterChange change, bool keepsEmeritus, Func<string, bool>? recordsTerms = null)
    {
        var holders = new Dictionary<string, Dictionary<string, SeatHolder>>(StringComparer.Ordinal);
        var changed = new HashSet<(string Role, string GitHub)>();
        var operations = new List<RosterOperation>();
        var problems = new List<RosterProblem>();
        foreach (var operation in change.Operations)
        {
            if (Check(operation) is { } problem)
            {
                problems.Add(new(operation, problem));
                continue;
            }
            var (role, login) = (operation.Role, operation.GitHub);
            if (!holders.TryGetValue(role, out var seated))
            {
                seated = roster.HoldersOf(role).ToDictionary(h => h.GitHub, GitHubLogin.Comparer);
                holders.Add(role, seated);
            }
            var holder = seated.GetValueOrDefault(login);
            var key = (role, login.ToUpperInvariant());
            bool SameTerm(Term? term) => recordsTerms?.Invoke(role) == false || holder!.Term == term;

            string? Apply(RosterOperation effect, SeatHolder? after)
            {
                if (!changed.Add(key))
                {
                    return $"'{login}' is changed twice in `{role}` by one change; keep one operation";
                }
                if (after is null)
                {
                    seated.Remove(login);
                }
                else
                {
                    seated[login] = after;
                }
                operations.Add(effect);
                return null;
            }

            problem = operation switch
            {
                RosterOperation.Seat seat when holder is null => Apply(seat, new SeatHolder(login, seat.Term)),
                RosterOperation.Seat seat when SameTerm(seat.Term) => null,
                RosterOperation.Seat => $"'{login}' already holds `{role}` ({Describe(holder!.Term)}); reseat them to change the term",
                RosterOperation.Retire retire when holder is not null =>
                    Apply(retire with { GitHub = holder.GitHub, Term = retire.Term ?? holder.Term }, null),
                RosterOperation.Retire retire when keepsEmeritus && IsEmeritus(roster, retire) => null,
                RosterOperation.Retire => $"'{login}' does not hold `{role}`, so cannot be retired from it",
                RosterOperation.Reseat when holder is null => $"'{login}' does not hold `{role}`; seat them instead of reseating",
                RosterOperation.Reseat reseat when SameTerm(reseat.NewTerm) => null,
                RosterOperation.Reseat reseat => Apply(reseat with { GitHub = holder.GitHub }, holder with { Term = reseat.NewTerm }),
                _ => throw new ArgumentException($"Unknown roster operation {operation}.", nameof(change)),
            };
            if (problem is not null)
            {
                problems.Add(new(operation, problem));
            }
        }
        return new(operations, problems);
    }

    private static string? Check(RosterOperation operation)
    {
        var term = operation switch
        {
            RosterOperation.Seat seat => seat.Term,
            RosterOperation.Reseat reseat => reseat.NewTerm,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(operation.Role) ? "the role is empty"
            : GitHubLogin.Problem(operation.GitHub) is { } problem ? problem
            : term is not null && term.End <= term.Start
                ? $"the term of '{operation.GitHub}' ends ({term.End:yyyy-MM-dd}) on or before it starts ({term.Start:yyyy-MM-dd})"
                : null;
    }

    private static bool IsEmeritus(Roster roster, RosterOperation.Retire retire) =>
        roster.Emeritus.Any(e =>
            GitHubLogin.Comparer.Equals(e.GitHub, retire.GitHub)
            && e.Role == retire.Role
            && (retire.Term is null || e.Term == retire.Term));

    private static string Describe(Term? term) =>
        term is null ? "no term recorded" : $"term {term.Start:yyyy-MM-dd} – {term.End:yyyy-MM-dd}";
}
