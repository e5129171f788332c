using System.Text.Json;
using System.Text.Json.Serialization;
using TagBot.Core.Elections.Voting;
using TagBot.Inbox.Sql;

namespace TagBot.Ballots;

/// <summary>
/// The elections the ballot page serves, as the last reconcile of each computed them (<see cref="BallotPageView"/>):
/// stored in the shared database so that every replica's page agrees and no page view reads GitHub. The page refuses
/// ballots from the voting deadline on by itself, even before the pass that closes the election has run.
/// </summary>
public sealed class SqlBallotElections(IStoreDatabase database, TimeProvider clock) : IBallotElections
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Stores the view of <paramref name="key"/>'s election, unless it is stored exactly so already.</summary>
    public async Task SaveAsync(ElectionKey key, BallotPageView view, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(view, Json);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            INSERT INTO tagbot_ballot_pages (election, view) VALUES (@election, @view)
            ON CONFLICT (election) DO UPDATE SET view = @view WHERE tagbot_ballot_pages.view <> @view
            """).With("@election", key.ToString()).With("@view", text);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<BallotElection?> FindAsync(ElectionKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT view FROM tagbot_ballot_pages WHERE election = @election").With("@election", key.ToString());
        if (await command.ExecuteScalarAsync(cancellationToken) is not string text || JsonSerializer.Deserialize<BallotPageView>(text, Json) is not { } view)
        {
            return null;
        }

        var state = view.Phase switch
        {
            BallotPhase.Nominating => BallotElectionState.NotYetOpen,
            BallotPhase.Voting when view.VotingCloses is { } closes && clock.GetUtcNow() >= closes => BallotElectionState.Closed,
            BallotPhase.Voting => BallotElectionState.Open,
            _ => BallotElectionState.Closed,
        };
        return new BallotElection(
            key,
            view.Title,
            view.IssueUrl,
            view.Kind,
            view.AllowNoOpinion,
            [.. view.Candidates.Select(c => new BallotCandidate(c.Login, c.Region, c.Company, c.Statement))],
            state,
            view.VotingCloses,
            state == BallotElectionState.Closed ? view.ResultUrl ?? view.IssueUrl : null,
            view.Electorate.ToHashSet(),
            view.WhoToAsk);
    }
}
