using TagBot.Core.Policies;

namespace TagBot.Core.Elections;

/// <summary>
/// How many of the (frozen) electorate took part, by holding a binding position on any nominee,
/// against the quorum (<c>elections.quorum</c>): below it, a close elects nobody.
/// </summary>
/// <param name="Needed">Participants the quorum asks for (rounded up); null: no quorum.</param>
public sealed record Turnout(int Voted, int Electorate, Fraction? Quorum, int? Needed)
{
    public bool Met => Needed is not { } needed || Voted >= needed;

    public static Turnout Of(IEnumerable<ElectionPosition> positions, Electorate electorate, Fraction? quorum) => new(
        positions.Where(p => p.Binding).Select(p => p.Voter).Distinct(Rosters.Login.Comparer).Count(),
        electorate.People,
        quorum,
        quorum is { } q ? q.Of(electorate.People) : null);

    /// <summary>"3 of 10 voters took part (quorum 1/2: 5 needed)".</summary>
    public string Describe() =>
        $"{Voted} of {ElectionText.Plural(Electorate, "voter", "voters")} took part"
        + (Quorum is { } q ? $" (quorum `{q}`: {Needed} needed{(Met ? ", met" : "")})" : "");
}
