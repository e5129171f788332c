namespace TagBot.Core.Elections.Ballots;

/// <summary>Why a published ballot file (<see cref="BallotSheet"/>, <see cref="BltFile"/>) cannot be read, and where.</summary>
/// <param name="Line">The line, from 1 (a physical line: a quoted CSV cell may span lines).</param>
/// <param name="Column">The CSV field or the BLT character position, from 1.</param>
public sealed record BallotFileError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>What reading a ballot file gave: the value, or the errors (never both).</summary>
public sealed record BallotFileRead<T>(T? Value, IReadOnlyList<BallotFileError> Errors)
    where T : class
{
    public bool Ok => Errors.Count == 0;
}

internal static class BallotFileRead
{
    public static BallotFileRead<T> Of<T>(T value) where T : class => new(value, []);

    public static BallotFileRead<T> Failed<T>(IReadOnlyList<BallotFileError> errors) where T : class => new(null, errors);

    public static BallotFileRead<T> Failed<T>(int line, int column, string message) where T : class => new(null, [new BallotFileError(line, column, message)]);
}
