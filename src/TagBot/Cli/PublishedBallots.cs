using TagBot.Core.Elections;
using TagBot.Core.Elections.Ballots;
using TagBot.Core.Elections.Voting;
using TagBot.Core.Governance;
using TagBot.GitHub;

namespace TagBot.Cli;

/// <summary>
/// What <c>audit</c> recounts a closed secret ballot from: the anonymized ballots TagBot published, inlined in the
/// result comment or committed in the roster pull request. With them, recomputing the election recounts it, and the
/// result comment must come out as posted.
/// </summary>
internal static class PublishedBallots
{
    /// <returns>The input with the published ballots, and a note saying where they came from (null: not a closed secret ballot).</returns>
    public static async Task<(DecisionInput Input, string? Note)> AddAsync(DecisionInput input, PullRequestGateway pullRequests)
    {
        var policy = input.Policy;
        var issue = input.Issue;
        if (!policy.Elections.Secret || !issue.HasLabel(policy.Elections.Label))
        {
            return (input, null);
        }

        var result = ElectionResult.Latest(issue);
        if (result is null)
        {
            return (input, null);
        }

        var path = BallotPublication.CsvPath(policy, issue.Number);
        var branch = new RosterBranch(issue.Number, 1).Name;
        var (csv, where) = SecretBallotText.InlineSheet(result.Body) is { } inline
            ? (inline, $"the result comment {result.Url}")
            : ((await pullRequests.ReadAsync(path, branch))?.Text, $"`{path}` on branch `{branch}`");
        if (csv is null)
        {
            return (input, $"The published ballots were not found (neither in the result comment nor as `{path}` on `{branch}`), so the count could not be redone.");
        }

        var sheet = BallotSheet.Read(csv);
        if (!sheet.Ok || sheet.Value is not { } published)
        {
            return (input, $"The published ballots in {where} do not read: " + string.Join("; ", sheet.Errors) + ".");
        }

        return (input with { Ballots = new SecretBallots([], published.Ballots, null) },
            $"Recounted the {published.Ballots.Count} published ballots in {where}.");
    }
}
