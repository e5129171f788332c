using System.Text;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>
/// Turns a final election result into the roster pull request: the edit of the roster file (in
/// place, every untouched byte kept), its diff, and a body that carries the tally and links back.
/// </summary>
public static class RosterPullRequestDrafter
{
    /// <summary>The roster change of a final outcome: new seats, re-elected terms, retirements.</summary>
    public static RosterChange ChangeOf(ElectionOutcome outcome, Roster roster) => new(
        outcome.Seats.Select<ElectedSeat, RosterOperation>(seat => seat.Reelected
            ? new RosterOperation.Reseat(seat.Role, seat.GitHub, seat.Term)
            : new RosterOperation.Seat(seat.Role, seat.GitHub, seat.Term,
                roster.FindPerson(seat.GitHub) ?? new Person(seat.GitHub, null, seat.Company, seat.Region)))
        .Concat(outcome.Retirements.Select(r => new RosterOperation.Retire(r.Role, r.GitHub, r.Term))));

    /// <summary>
    /// The proposal; or the located errors that keep the roster file from being edited; or, when the result
    /// changes nothing in the file (everyone seated already holds the seat for that term), neither and
    /// <c>Unchanged</c>: GitHub refuses a pull request with an empty diff, and there is nothing to review.
    /// </summary>
    public static (RosterPullRequestDraft? Proposal, IReadOnlyList<ConfigError> Errors, bool Unchanged) Prepare(
        ElectionTally tally, Policy policy, Roster roster, string rosterText, IssueSnapshot issue)
    {
        var outcome = tally.Outcome!;
        var edit = RosterEditor.Apply(policy.Roster, rosterText, ChangeOf(outcome, roster));
        if (!edit.IsValid)
        {
            return (null, edit.Errors, false);
        }

        if (edit.Text == rosterText)
        {
            return (null, [], true);
        }

        var title = $"Roster: {tally.Role} election #{issue.Number} ({Dates.Day(outcome.TermStart!.Value)})";
        var body = new StringBuilder()
            .Append("Updates `").Append(policy.Roster.Path).Append("` with the result of the election in ")
            .Append(Markdown.Link($"#{issue.Number}", issue.Url)).Append(". Merging records the new terms; ")
            .Append("closing without merging leaves the roster unchanged.\n\n")
            .Append("### Changes\n\n```diff\n").Append(RosterDiff.Render(rosterText, edit.Text!)).Append("```\n\n")
            .Append(ResultWithoutMarker(tally))
            .ToString();
        return (new RosterPullRequestDraft(new RosterBranch(issue.Number, tally.Round).Name, policy.Roster.Path, edit.Text!, title, body,
            $"Seat the result of election #{issue.Number}", Reviewers(policy, roster)), [], false);
    }

    /// <summary>Who reviews a roster pull request: the chairs and <c>elections.reviewers</c>.</summary>
    public static IReadOnlyList<string> Reviewers(Policy policy, Roster roster) =>
        [.. policy.Chairs.SelectMany(roster.HoldersOf).Select(h => h.GitHub.Value)
            .Concat(policy.Elections.Reviewers)
            .Distinct(Login.Comparer)];

    private static string ResultWithoutMarker(ElectionTally tally)
    {
        var result = ElectionResult.Render(tally) ?? "";
        var firstLine = result.IndexOf('\n', StringComparison.Ordinal);
        return firstLine < 0 ? result : result[(firstLine + 1)..];
    }
}
