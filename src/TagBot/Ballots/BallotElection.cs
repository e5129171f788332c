using TagBot.Core.Elections.Ballots;

namespace TagBot.Ballots;

/// <summary>
/// One secret-ballot election, named by its issue. The repository is "owner/name" and compared
/// case-insensitively, as GitHub does: it is kept lower-cased, so equal keys are equal records.
/// </summary>
public sealed record ElectionKey(string Repository, int Issue)
{
    public string Repository { get; } = Repository.ToLowerInvariant();

    public override string ToString() => $"{Repository}#{Issue}";
}

/// <summary>Where an election's vote stands: the page refuses ballots before it opens and after it closes.</summary>
public enum BallotElectionState
{
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>A candidate as the ballot page shows them; region, company and statement come from the nomination.</summary>
public sealed record BallotCandidate(string Login, string? Region, string? Company, string? Statement);

/// <summary>
/// What the ballot page needs to know of an election, as the election flow has frozen it.
/// <paramref name="Electorate"/> holds GitHub user IDs (not logins: a renamed account keeps its vote);
/// <paramref name="WhoToAsk"/> is shown to a person outside it, e.g. "the chairs: @a, @b".
/// </summary>
public sealed record BallotElection(
    ElectionKey Key,
    string Title,
    string IssueUrl,
    BallotKind Kind,
    bool AllowNoOpinion,
    IReadOnlyList<BallotCandidate> Candidates,
    BallotElectionState State,
    DateTimeOffset? VotingCloses,
    string? ResultUrl,
    IReadOnlySet<long> Electorate,
    string WhoToAsk);
