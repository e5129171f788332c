using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// Counts published ballots again, as anyone holding the files can: the same count as the close
/// (<see cref="BallotCount"/>), so a recount equals the published result (<see cref="BallotResult"/> compares by value).
/// Seats are not needed: they matter to the seat allocation, not to the order.
/// </summary>
public static class Recount
{
    /// <summary>
    /// The result of the ballots in a <see cref="BallotSheet"/> for the election's <paramref name="candidates"/>.
    /// The sheet's columns must be exactly those candidates (any order, any case); an unreadable sheet gives its errors.
    /// </summary>
    public static BallotFileRead<BallotResult> FromSheet(BallotKind kind, IReadOnlyList<string> candidates, string csv)
    {
        var read = BallotSheet.Read(csv);
        if (read.Value is not { } sheet)
        {
            return BallotFileRead.Failed<BallotResult>(read.Errors);
        }

        var expected = candidates.ToHashSet(Login.Comparer);
        if (!expected.SetEquals(sheet.Candidates) || expected.Count != candidates.Count)
        {
            return BallotFileRead.Failed<BallotResult>(1, 2,
                $"the sheet's candidates are {CandidateIndex.Mentions(sheet.Candidates)}; the election's are {CandidateIndex.Mentions(candidates)}");
        }

        return BallotFileRead.Of(BallotCount.CountCast(kind, candidates, sheet.Ballots));
    }

    /// <summary>The Schulze result of the ballots in a <see cref="BltFile"/>, for the candidates it names (withdrawn ones included).</summary>
    public static BallotFileRead<BallotResult> FromBlt(string blt)
    {
        var read = BltFile.Read(blt);
        return read.Value is { } file
            ? BallotFileRead.Of(BallotCount.Count(BallotKind.Ranked, file.Candidates, file.Ballots))
            : BallotFileRead.Failed<BallotResult>(read.Errors);
    }
}
