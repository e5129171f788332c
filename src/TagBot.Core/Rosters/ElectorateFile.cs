using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// The voters an electorate file lists (<c>elections.electorate</c>), in file order and as the file spells them.
/// Membership compares logins case-insensitively, as GitHub does (Elekto itself compares exactly, so a voter
/// whose case changed on GitHub may not vote there; TagBot does not repeat that).
/// </summary>
/// <param name="Path">The file's repository path.</param>
/// <param name="Voters">The logins, each once.</param>
public sealed record ElectorateFile(string Path, IReadOnlyList<string> Voters)
{
    private readonly HashSet<string> _voters = new(Voters, Login.Comparer);

    public IReadOnlyList<string> Voters { get; } = ValueCollections.List(Voters);

    /// <summary>Whether <paramref name="login"/> is one of the voters.</summary>
    public bool Includes(string login) => _voters.Contains(login);

    public bool Equals(ElectorateFile? other) =>
        other is not null && Path == other.Path && Voters.SequenceEqual(other.Voters, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Path, Voters.Count);
}

/// <summary>The outcome of <see cref="ElectorateFileReader.Read"/>.</summary>
/// <param name="Electorate">The voters, or <c>null</c> when the file has any error.</param>
/// <param name="Errors">Every problem found, ordered by position in the file.</param>
public sealed record ElectorateLoadResult(ElectorateFile? Electorate, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Electorate is not null && Errors.Count == 0;

    /// <summary>Problems that change nothing about who may vote (a login listed twice).</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];
}
