namespace TagBot.Core.Policies;

/// <summary>How an electorate file lists its voters.</summary>
public enum ElectorateFormat
{
    /// <summary>Elekto's <c>voters.yaml</c>: <c>eligible_voters: [logins]</c> (<c>elekto</c>).</summary>
    Elekto,
}

/// <summary>
/// The <c>elections.electorate:</c> setting: a file that lists who may vote, kept by the election officers
/// beside the election (Kubernetes' <c>elections/steering/2026/voters.yaml</c>). It replaces the roster roles of
/// <c>voters</c> for elections, as Elekto does: the people the file lists are the binding voters, and nobody else
/// is. Proposals keep <c>voters</c>.
/// </summary>
/// <param name="Path">Repository path of the file.</param>
/// <param name="Format">How the file is written.</param>
public sealed record ElectorateSettings(string Path, ElectorateFormat Format = ElectorateFormat.Elekto)
{
    /// <summary>The names <c>elections.electorate.format</c> gives the formats.</summary>
    public static IReadOnlyDictionary<string, ElectorateFormat> Formats { get; } = new Dictionary<string, ElectorateFormat>(StringComparer.Ordinal)
    {
        ["elekto"] = ElectorateFormat.Elekto,
    };
}
