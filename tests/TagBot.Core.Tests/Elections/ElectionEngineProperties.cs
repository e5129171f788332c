using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Commands;
using TagBot.Core.Elections;
using TagBot.Core.Policies;
using TagBot.Core.Status;

namespace TagBot.Core.Tests.Elections;

/// <summary>
/// Properties of the whole election engine over random comment streams: people from the scenario
/// roster (and an outsider) nominating, answering, supporting, objecting, withdrawing, closing and
/// breaking ties, in random order and with random policies.
/// </summary>
public sealed class ElectionEngineProperties
{
    private static readonly string[] Authors =
        ["chair-carla", "lead-lee", "lead-eve", "lead-old", "member-mia", "member-amy", "member-max", "member-kai", "random-rita"];

    private static readonly string[] People =
        ["member-mia", "member-amy", "member-max", "member-kai", "lead-old", "lead-ema", "chair-carla", "random-rita"];

    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

    private static ElectionScenario Build(int seed, int comments = -1)
    {
        var random = new Random(seed);
        string Someone() => People[random.Next(People.Length)];
        var election = new ElectionScenario();
        var rules = Policy.Default.Elections with
        {
            TieBreak = random.Next(2) == 0 ? TieBreak.Chair : TieBreak.EarliestNomination,
            NomineeMustAccept = random.Next(3) > 0,
            ObjectionsVeto = random.Next(3) == 0,
            SupportRequired = random.Next(0, 3),
        };
        var role = Policy.Default.Roles["tech_lead"] with
        {
            MaxPerCompany = random.Next(3) == 0 ? 1 : null,
            MinPerRegion = random.Next(3) == 0 ? new Dictionary<string, int> { ["Americas"] = 1 } : new Dictionary<string, int>(),
        };
        election.Policy = Policy.Default with
        {
            Elections = rules,
            Roles = new Dictionary<string, RolePolicy> { ["chair"] = RolePolicy.Template, ["tech_lead"] = role },
        };

        var count = comments >= 0 ? comments : random.Next(0, 30);
        for (var i = 0; i < count; i++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(16) switch
            {
                0 or 1 => "/nominate",
                2 or 3 => $"/nominate @{Someone()}",
                4 => $"/nominate @{Someone()} {new[] { "emea", "APAC", "Americas", "Mars" }[random.Next(4)]}",
                5 => "/accept",
                6 => "/decline",
                7 or 8 or 9 => $"/support @{Someone()} @{Someone()}",
                10 => $"/object @{Someone()} not yet",
                11 => $"/withdraw @{Someone()}",
                12 => "/close-election",
                13 => $"/break-tie @{Someone()}",
                14 => "/triage",
                _ => "thanks all",
            });
            election.Comment(Authors[random.Next(Authors.Length)], string.Join("\n", lines), daysAfterOpening: i * 0.25);
        }

        // Most streams end with the chair closing, then often picking among a tie.
        if (comments < 0 && random.Next(3) > 0)
        {
            election.Comment("chair-carla", "/close-election", daysAfterOpening: 10);
            for (var pick = 0; pick < random.Next(0, 3); pick++)
            {
                election.Comment("chair-carla", $"/break-tie @{Someone()}", daysAfterOpening: 11 + pick);
            }
        }

        return election;
    }

    private static int CommandCount(ElectionScenario election) =>
        election.Issue.Comments.Where(c => !c.AuthorIsBot).Sum(c => CommandReader.Read(c.Body, IssueKind.Election).Count);

    [Property(MaxTest = 300)]
    public Property Every_command_gets_exactly_one_verdict() =>
        Prop.ForAll(Seeds, seed =>
        {
            var election = Build(seed);
            return election.Tally().Verdicts.Count == CommandCount(election);
        });

    [Property(MaxTest = 300)]
    public Property Only_electable_nominees_are_seated_within_the_seats_up() =>
        Prop.ForAll(Seeds, seed =>
        {
            var tally = Build(seed).Tally();
            var electable = tally.Nominees.Where(r => r.Electable).Select(r => r.Nominee).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var allocation = tally.Allocation;
            if (allocation is null)
            {
                return true;
            }

            var seated = allocation.Elected.Select(e => e.Candidate).ToList();
            return seated.All(c => electable.Contains(c.GitHub))
                && tally.SeatsUp!.Regions.All(r => r.Up is null || seated.Count(c => c.Region == r.Region) <= r.Up);
        });

    [Property(MaxTest = 300)]
    public Property Positions_are_only_on_nominees_and_never_on_oneself() =>
        Prop.ForAll(Seeds, seed =>
        {
            var tally = Build(seed).Tally();
            var nominees = tally.Nominees.Select(r => r.Nominee).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return tally.Positions.All(p => nominees.Contains(p.Nominee) && !string.Equals(p.Voter, p.Nominee, StringComparison.OrdinalIgnoreCase));
        });

    [Property(MaxTest = 300)]
    public Property The_stage_agrees_with_the_outcome() =>
        Prop.ForAll(Seeds, seed =>
        {
            var tally = Build(seed).Tally();
            return tally.Stage switch
            {
                ElectionStage.Open => tally.Outcome is null,
                ElectionStage.Tie => tally.Outcome is { IsFinal: false } o && o.Allocation.HasOpenTie && o.Seats.Count == 0,
                _ => tally.Outcome is { IsFinal: true } o && !o.Allocation.HasOpenTie
                    && o.Seats.Select(s => s.GitHub).SequenceEqual(o.Allocation.Elected.Select(e => e.Candidate.GitHub))
                    && o.Seats.All(s => s.Term.Start == o.TermStart && s.Term.End == o.TermStart!.Value.AddMonths(24)),
            };
        });

    /// <summary>
    /// GitHub's listing order is no input: the replay takes comments by creation time, then id, so
    /// any shuffle of the same comments gives the same status and result.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property The_order_GitHub_lists_comments_in_changes_nothing() =>
        Prop.ForAll(Seeds, seed =>
        {
            var election = Build(seed);
            var random = new Random(seed);
            var issue = election.Issue;
            var shuffled = issue with { Comments = [.. issue.Comments.OrderBy(_ => random.Next())] };
            var tally = ElectionEngine.Tally(election.Authority, shuffled, election.Context, ElectionScenario.Opened.AddDays(30), () => HelpText.Render(IssueKind.Election));
            return ElectionStatus.Render(tally, election.Authority, []) == election.Status()
                && ElectionResult.Render(tally) == ElectionResult.Render(election.Tally());
        });

    [Property(MaxTest = 200)]
    public Property Nothing_after_a_final_close_changes_the_result() =>
        Prop.ForAll(Seeds, seed =>
        {
            var election = Build(seed);
            var tally = election.Tally();
            if (tally.Stage != ElectionStage.Closed)
            {
                return true;
            }

            var more = Build(seed ^ 0x2545F491, comments: 12);
            foreach (var comment in more.Issue.Comments)
            {
                election.Comment(comment.Author, comment.Body, daysAfterOpening: 30);
            }

            return ElectionResult.Render(tally) == ElectionResult.Render(election.Tally());
        });
}
