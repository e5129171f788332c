using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Voting;

/// <summary>Builds the ballot page's view of an election from its tally.</summary>
public static class BallotPages
{
    public static BallotPageView Of(ElectionTally tally, SecretVote vote, Authority authority, IssueSnapshot issue, Record.ElectionRecord? record)
    {
        var phase = tally.Stage != ElectionStage.Open ? BallotPhase.Closed : vote.VotingOpen ? BallotPhase.Voting : BallotPhase.Nominating;
        var candidates = vote.Candidates
            .Select(r => new BallotCandidateView(r.Nominee, r.Nomination.Region, r.Nomination.Company, NomineeStatement.Of(r.Nomination, issue)))
            .ToList();

        // Only the frozen electorate votes, by user ID: a login renamed or taken over later changes nothing.
        var electorate = (record?.People ?? [])
            .Where(p => p.Id is not null && authority.IsElectionVoter(p.Login))
            .Select(p => p.Id!.Value)
            .Distinct()
            .Order()
            .ToList();
        var result = ElectionResult.Latest(issue);
        return new BallotPageView(issue.Title, issue.Url, phase, vote.Kind, vote.AllowNoOpinion, candidates, tally.Phases.VotingCloses, electorate,
            WhoToAsk(authority))
        {
            ResultUrl = phase == BallotPhase.Closed ? result?.Url : null,
        };
    }

    private static string WhoToAsk(Authority authority)
    {
        var chairs = authority.Policy.Chairs
            .SelectMany(authority.Roster.HoldersOf)
            .Select(h => (string)h.GitHub)
            .Distinct(Login.Comparer)
            .Order(Login.Comparer)
            .ToList();
        return chairs.Count == 0
            ? $"the maintainers of `{authority.Policy.Roster.Path}`"
            : "the chairs: " + string.Join(", ", chairs.Select(c => "@" + c));
    }
}
