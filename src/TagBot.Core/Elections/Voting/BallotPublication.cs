using TagBot.Core.Elections.Ballots;
using TagBot.Core.Governance;
using TagBot.Core.Issues;

namespace TagBot.Core.Elections.Voting;

/// <summary>
/// Where and how a secret ballot's anonymized ballots are published: committed beside the roster change in its pull
/// request, as a CSV with receipt codes and, for ranked ballots, a BLT file other counting tools read.
/// </summary>
public static class BallotPublication
{
    /// <summary>The folder of one election's published ballots: <c>elections.ballots_path</c>/issue number.</summary>
    public static string Folder(Policies.Policy policy, int issue) => $"{policy.Elections.BallotsPath}/{issue}";

    public static string CsvPath(Policies.Policy policy, int issue) => $"{Folder(policy, issue)}/ballots.csv";

    /// <param name="seats">Seats elected (the BLT header's second number).</param>
    public static IReadOnlyList<PublishedFile> Files(SecretVote vote, Policies.Policy policy, IssueSnapshot issue, int seats)
    {
        if (vote.Count is not { } count)
        {
            return [];
        }

        var files = new List<PublishedFile>
        {
            new(CsvPath(policy, issue.Number), BallotSheet.Write(count.Candidates, vote.Ballots),
                $"Publish the anonymized ballots of election #{issue.Number}"),
        };
        if (vote.Kind == BallotKind.Ranked)
        {
            files.Add(new PublishedFile($"{Folder(policy, issue.Number)}/ballots.blt",
                BltFile.Write(issue.Title, count.Candidates, Math.Max(1, seats), vote.Ballots),
                $"Publish the ranked ballots of election #{issue.Number} as BLT"));
        }

        return files;
    }
}
