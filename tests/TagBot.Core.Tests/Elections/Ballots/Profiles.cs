using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Tests.Elections.Ballots;

/// <summary>Ballot profiles written as the literature writes them: <c>5 ACBED</c> is five ballots A &gt; C &gt; B &gt; E &gt; D.</summary>
internal static class Profiles
{
    public static IReadOnlyList<Ballot> Of(params string[] groups) =>
        [.. groups.SelectMany(g =>
        {
            var parts = g.Split(' ');
            var ballot = Ballot.Ranking([.. parts[1].Select(c => c.ToString())]);
            return Enumerable.Repeat(ballot, int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
        })];

    public static IReadOnlyList<string> Letters(int n) => [.. Enumerable.Range(0, n).Select(i => ((char)('A' + i)).ToString())];

    public static string Tiers(IReadOnlyList<IReadOnlyList<string>> order) => string.Join(" > ", order.Select(t => string.Join("=", t)));

    public static int[][] Matrix(IReadOnlyList<IReadOnlyList<int>> m) => [.. m.Select(r => r.ToArray())];
}
