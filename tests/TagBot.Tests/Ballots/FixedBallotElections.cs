using System.Collections.Concurrent;
using TagBot.Ballots;

namespace TagBot.Tests.Ballots;

/// <summary>
/// Elections a test sets directly, standing in for the election flow's own <see cref="IBallotElections"/>
/// (registered in one place: <see cref="BallotSite"/>).
/// </summary>
public sealed class FixedBallotElections : IBallotElections
{
    private readonly ConcurrentDictionary<ElectionKey, BallotElection> _elections = new();

    public void Set(BallotElection election) => _elections[election.Key] = election;

    public Task<BallotElection?> FindAsync(ElectionKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_elections.TryGetValue(key, out var election) ? election : null);
}
