using System.Globalization;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// The published ballots as CSV (RFC 4180), one row per ballot, so anyone can recount (<see cref="Recount"/>)
/// and every voter can find their own ballot by its receipt.
/// </summary>
/// <remarks>
/// <para><b>Format.</b> The header is <c>receipt</c> and then the candidates' logins, sorted (ordinal,
/// case-insensitive). Each row is a receipt code and, per candidate, the rank the ballot gives them: <c>1</c> for
/// the most preferred, equal numbers for equal ranks, empty for a candidate the ballot does not rank. Ranks run
/// 1, 2, … without gaps. An approval ballot marks <c>1</c> for each candidate it approves. Records end with
/// CRLF; a field is quoted only when it holds a comma, a quote or a line break.</para>
/// <para><b>Order.</b> Rows are sorted by receipt (ordinal), never in the order ballots were cast, so the file
/// says nothing about who voted when.</para>
/// <para><b>Reading</b> is strict, and each error names its line and column: the header must be as above, every
/// row as wide as the header, receipts present and unique, each cell empty or a rank from 1 to the number of
/// candidates, ranks without gaps. LF line ends are accepted as well as CRLF.</para>
/// </remarks>
public static class BallotSheet
{
    public const string ReceiptHeader = "receipt";

    /// <summary>The sheet of <paramref name="ballots"/>, which must be valid ranked ballots for <paramref name="candidates"/> (approval ballots are).</summary>
    public static string Write(IReadOnlyList<string> candidates, IReadOnlyList<CastBallot> ballots)
    {
        var index = new CandidateIndex(candidates);
        List<IEnumerable<string>> rows = [[ReceiptHeader, .. index.Logins]];
        var receipts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cast in ballots.OrderBy(b => b.Receipt, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(cast.Receipt) || !receipts.Add(cast.Receipt))
            {
                throw new ArgumentException($"Receipt '{cast.Receipt}' is empty or not unique.", nameof(ballots));
            }

            var ranks = index.Ranks(BallotKind.Ranked, cast.Ballot, out var problem)
                ?? throw new ArgumentException($"The ballot with receipt {cast.Receipt} is invalid: {problem}.", nameof(ballots));
            rows.Add([cast.Receipt, .. ranks.Select(r => r == 0 ? "" : r.ToString(CultureInfo.InvariantCulture))]);
        }

        return Rfc4180.Write(rows);
    }

    public static BallotFileRead<BallotSheetContent> Read(string text)
    {
        var (records, error) = Rfc4180.Read(text);
        if (error is not null)
        {
            return BallotFileRead.Failed<BallotSheetContent>([error]);
        }

        if (records.Count == 0)
        {
            return BallotFileRead.Failed<BallotSheetContent>(1, 1, $"the sheet is empty; expected a header `{ReceiptHeader},` and the candidates' logins");
        }

        var errors = new List<BallotFileError>();
        var header = records[0];
        if (header.Fields[0] != ReceiptHeader)
        {
            errors.Add(new BallotFileError(header.Line, 1, $"the first header cell is '{header.Fields[0]}'; expected `{ReceiptHeader}`"));
        }

        var candidates = header.Fields.Skip(1).ToList();
        var seen = new HashSet<string>(Login.Comparer);
        for (var c = 0; c < candidates.Count; c++)
        {
            if (Login.Problem(candidates[c]) is { } problem)
            {
                errors.Add(new BallotFileError(header.Line, c + 2, problem));
            }
            else if (!seen.Add(candidates[c]))
            {
                errors.Add(new BallotFileError(header.Line, c + 2, $"@{candidates[c]} is a column twice"));
            }
        }

        if (errors.Count > 0)
        {
            return BallotFileRead.Failed<BallotSheetContent>(errors);
        }

        var ballots = new List<CastBallot>();
        var receipts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in records.Skip(1))
        {
            if (ReadRow(row, candidates, receipts, errors) is { } ballot)
            {
                ballots.Add(ballot);
            }
        }

        return errors.Count > 0
            ? BallotFileRead.Failed<BallotSheetContent>(errors)
            : BallotFileRead.Of(new BallotSheetContent(candidates, ballots));
    }

    private static CastBallot? ReadRow(Rfc4180.Record row, IReadOnlyList<string> candidates, Dictionary<string, int> receipts, List<BallotFileError> errors)
    {
        if (row.Fields.Count != candidates.Count + 1)
        {
            // The column is the first cell too many, or the last one there when cells are missing.
            var column = row.Fields.Count > candidates.Count + 1 ? candidates.Count + 2 : row.Fields.Count;
            errors.Add(new BallotFileError(row.Line, column,
                $"the row has {row.Fields.Count} cells; the header has {candidates.Count + 1}"));
            return null;
        }

        var receipt = row.Fields[0];
        var before = errors.Count;
        if (receipt.Length == 0)
        {
            errors.Add(new BallotFileError(row.Line, 1, "the receipt is empty"));
        }
        else if (receipts.TryGetValue(receipt, out var first))
        {
            errors.Add(new BallotFileError(row.Line, 1, $"receipt {receipt} is already on line {first}"));
        }
        else
        {
            receipts[receipt] = row.Line;
        }

        var ranks = new int[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            var cell = row.Fields[c + 1];
            if (cell.Length == 0)
            {
                continue;
            }

            if (cell[0] == '0' || !cell.All(char.IsAsciiDigit)
                || !int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank > candidates.Count)
            {
                errors.Add(new BallotFileError(row.Line, c + 2, $"'{cell}' for @{candidates[c]} is not a rank; expected 1 to {candidates.Count}, or empty"));
                continue;
            }

            ranks[c] = rank;
        }

        var used = ranks.Where(r => r > 0).Distinct().Order().ToList();
        var gap = used.Select((r, i) => (r, i)).FirstOrDefault(x => x.r != x.i + 1);
        if (errors.Count == before && used.Count > 0 && gap != default)
        {
            errors.Add(new BallotFileError(row.Line, Array.IndexOf(ranks, gap.r) + 2, $"rank {gap.r} is used but rank {gap.i + 1} is not; ranks run 1, 2, … without gaps"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var tiers = used.Select(r => (IReadOnlyList<string>)[.. candidates.Where((_, c) => ranks[c] == r)]).ToList();
        return new CastBallot(receipt, new Ballot(tiers));
    }
}

/// <summary>A ballot sheet as read: the candidates in column order and the ballots in row order.</summary>
public sealed record BallotSheetContent(IReadOnlyList<string> Candidates, IReadOnlyList<CastBallot> Ballots);
