using TagBot.Core.Status;

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
        var holders = new Holders(roster, keepsEmeritus, recordsTerms ?? (_ => true));
        var problems = new List<RosterProblem>();
        foreach (var operation in change.Operations)
        {
            if ((Check(operation) ?? holders.Apply(operation)) is { } problem)
            {
                problems.Add(new(operation, problem));
            }
        }
        return new(holders.Effects, problems);
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
            : Login.Problem(operation.GitHub) is { } problem ? problem
            : term is not null && term.End <= term.Start
                ? $"the term of '{operation.GitHub}' ends ({Dates.Day(term.End)}) on or before it starts ({Dates.Day(term.Start)})"
                : null;
    }

    private static string Describe(Term? term) =>
        term is null ? "no term recorded" : $"term {Dates.Day(term.Start)} – {Dates.Day(term.End)}";

    /// <summary>The holders of each role as the operations so far leave them.</summary>
    private sealed class Holders(Roster roster, bool keepsEmeritus, Func<string, bool> recordsTerms)
    {
        private readonly Dictionary<string, Dictionary<Login, SeatHolder>> byRole = new(StringComparer.Ordinal);
        private readonly HashSet<(string Role, Login Login)> changed = [];

        /// <summary>The operations that have an effect, in order.</summary>
        public List<RosterOperation> Effects { get; } = [];

        /// <summary>Applies <paramref name="operation"/>; null when done (or already in effect), else why not.</summary>
        public string? Apply(RosterOperation operation)
        {
            var (role, login) = (operation.Role, operation.GitHub);
            if (!byRole.TryGetValue(role, out var seated))
            {
                seated = roster.HoldersOf(role).ToDictionary(h => h.GitHub);
                byRole.Add(role, seated);
            }
            var holder = seated.GetValueOrDefault(login);
            bool Holds(Term? term) => holder is not null && (!recordsTerms(role) || holder.Term == term);

            return operation switch
            {
                RosterOperation.Seat seat when holder is null => Record(seat, seated, new SeatHolder(login, seat.Term)),
                RosterOperation.Seat seat when Holds(seat.Term) => null,
                RosterOperation.Seat => $"'{login}' already holds `{role}` ({Describe(holder!.Term)}); reseat them to change the term",
                RosterOperation.Retire retire when holder is not null =>
                    Record(retire with { GitHub = holder.GitHub, Term = retire.Term ?? holder.Term }, seated, null),
                RosterOperation.Retire retire when keepsEmeritus && IsEmeritus(retire) => null,
                RosterOperation.Retire => $"'{login}' does not hold `{role}`, so cannot be retired from it",
                RosterOperation.Reseat when holder is null => $"'{login}' does not hold `{role}`; seat them instead of reseating",
                RosterOperation.Reseat reseat when Holds(reseat.NewTerm) => null,
                RosterOperation.Reseat reseat => Record(reseat with { GitHub = holder.GitHub }, seated, holder with { Term = reseat.NewTerm }),
                _ => throw new ArgumentException($"Unknown roster operation {operation}.", nameof(operation)),
            };
        }

        /// <summary>Keeps an operation that changes the roster: <paramref name="after"/> is the holder then (null: gone).</summary>
        private string? Record(RosterOperation effect, Dictionary<Login, SeatHolder> seated, SeatHolder? after)
        {
            // Two operations on one holder contradict each other (or one is redundant): refuse rather than guess.
            if (!changed.Add((effect.Role, new Login(effect.GitHub))))
            {
                return $"'{effect.GitHub}' is changed twice in `{effect.Role}` by one change; keep one operation";
            }
            seated.Remove(effect.GitHub);
            if (after is not null)
            {
                seated[after.GitHub] = after;
            }
            Effects.Add(effect);
            return null;
        }

        private bool IsEmeritus(RosterOperation.Retire retire) =>
            roster.Emeritus.Any(e =>
                Login.Comparer.Equals(e.GitHub, retire.GitHub)
                && e.Role == retire.Role
                && (retire.Term is null || e.Term == retire.Term));
    }
}
