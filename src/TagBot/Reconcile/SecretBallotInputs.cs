using Microsoft.Extensions.Options;
using TagBot.Ballots;
using TagBot.Core.Elections.Voting;
using TagBot.Core.Governance;

namespace TagBot.Reconcile;

/// <summary>
/// The ballot box's side of a secret-ballot election's reconcile: who has voted goes into the decision; a decision
/// that finds the election closed without the ballots seals the box and decides again with them; and the ballot
/// page's view of the election is stored for the page.
/// </summary>
public sealed class SecretBallotInputs(IBallotBox box, SqlBallotElections pages, IOptions<BallotWebOptions> web)
{
    /// <summary>Adds the voters and the ballot page's address to a secret-ballot election's input; anything else is returned as is.</summary>
    public async Task<IssueReading> WithVotersAsync(IssueReading reading, CancellationToken cancellationToken)
    {
        if (Key(reading) is not { } key)
        {
            return reading;
        }

        var voters = await box.VotersAsync(key, cancellationToken);
        return reading with { Input = reading.Input! with { Ballots = new SecretBallots(voters, null, PageUrl(key)) } };
    }

    /// <summary>The decision, with the box sealed and the ballots counted once the election closed; the page's view stored.</summary>
    public async Task<DesiredState> DecideAsync(IssueReading reading, Action<Exception> failed, CancellationToken cancellationToken)
    {
        var desired = reading.Decide(out var error);
        if (desired.SealBallots && Key(reading) is { } key)
        {
            // Idempotent: every pass after the close seals again and gets the same ballots back.
            var ballots = await box.CloseAsync(key, cancellationToken);
            var input = reading.Input!;
            reading = reading with { Input = input with { Ballots = input.Ballots with { Ballots = ballots } } };
            desired = reading.Decide(out error);
        }

        if (error is not null)
        {
            failed(error);
        }

        if (desired.BallotPage is { } view && Key(reading) is { } election)
        {
            await pages.SaveAsync(election, view, cancellationToken);
        }

        return desired;
    }

    private static ElectionKey? Key(IssueReading reading) =>
        reading.Input is { Policy.Elections.Secret: true } input && input.Issue.HasLabel(input.Policy.Elections.Label)
            ? new ElectionKey(input.Issue.Repository, input.Issue.Number)
            : null;

    private string? PageUrl(ElectionKey key)
    {
        var options = web.Value;
        if (!options.Configured || options.PublicUrl is not { } root)
        {
            return null;
        }

        var baseUrl = root.AbsoluteUri.TrimEnd('/');
        return $"{baseUrl}/elections/{key.Repository}/{key.Issue}";
    }
}
