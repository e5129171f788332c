using System.Globalization;
using System.Text;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// Ranked ballots in the BLT format of OpenSTV and the Meek STV programs (ERS97, Hill–Wichmann–Woodall), so
/// they can be recounted by other tools.
/// </summary>
/// <remarks>
/// <code>
/// 3 1             candidates, seats
/// -3              optional: withdrawn candidates, as negative numbers
/// 1 2 1=3 0       a ballot: weight, then candidate numbers best first, ended by 0; "=" joins equal ranks
/// 1 0             an empty ballot
/// 0               end of ballots
/// "alice"         the candidates' names, quoted, numbered 1, 2, … in this order
/// "bob"
/// "carol"
/// "Steering Committee 2025"   the title, quoted
/// </code>
/// <para>Equal ranks with <c>=</c> are a common extension (OpenSTV reads them); tools without it read such a
/// ballot as not counted. The writer numbers candidates in login order (ordinal, case-insensitive), writes one
/// line of weight 1 per ballot in receipt order (as <see cref="BallotSheet"/> does; receipts are not part of BLT),
/// lines end with LF, and a title's quotes become apostrophes and its line breaks spaces (BLT has no escapes).</para>
/// <para>The reader is strict: each error names its line and character. Weights are whole numbers from 1;
/// a candidate may appear once per ballot; names are quoted, unique (case-insensitive) and not empty;
/// nothing may follow the title but blank lines.</para>
/// </remarks>
public static class BltFile
{
    /// <summary>At most this many ballots (weights summed) are read, so a hostile weight cannot exhaust memory.</summary>
    public const int MaxBallots = 1_000_000;

    public static string Write(string title, IReadOnlyList<string> candidates, int seats, IReadOnlyList<CastBallot> ballots, IReadOnlyList<string>? withdrawn = null)
    {
        var index = new CandidateIndex(candidates);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{index.Count} {seats}\n");
        if (withdrawn is { Count: > 0 })
        {
            text.Append(string.Join(" ", withdrawn.Select(w => index.TryFind(w, out var i)
                ? (-(i + 1)).ToString(CultureInfo.InvariantCulture)
                : throw new ArgumentException($"Withdrawn @{w} is not a candidate.", nameof(withdrawn))))).Append('\n');
        }

        foreach (var cast in ballots.OrderBy(b => b.Receipt, StringComparer.Ordinal))
        {
            _ = index.Ranks(BallotKind.Ranked, cast.Ballot, out var problem);
            if (problem is not null)
            {
                throw new ArgumentException($"The ballot with receipt {cast.Receipt} is invalid: {problem}.", nameof(ballots));
            }

            text.Append('1');
            foreach (var tier in cast.Ballot.Preferences)
            {
                text.Append(' ').Append(string.Join("=", tier.Select(c => index.TryFind(c, out var i) ? i + 1 : 0)));
            }

            text.Append(" 0\n");
        }

        text.Append("0\n");
        foreach (var login in index.Logins)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"{login}\"\n");
        }

        var plainTitle = title.Replace('"', '\'').ReplaceLineEndings(" ");
        text.Append(CultureInfo.InvariantCulture, $"\"{plainTitle}\"\n");
        return text.ToString();
    }

    public static BallotFileRead<BltContent> Read(string text) => new BltReader(text).Read();
}

/// <summary>A BLT file as read. <see cref="Ballots"/> has one entry per unit of weight, in file order.</summary>
public sealed record BltContent(string Title, IReadOnlyList<string> Candidates, int Seats, IReadOnlyList<string> Withdrawn, IReadOnlyList<Ballot> Ballots);
