using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Elections.Ballots;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Elections.Ballots;

/// <summary>Properties of the count over random elections (up to 7 candidates, 15 ballots), each built from one seed.</summary>
[Properties(Arbitrary = [typeof(BallotCountProperties)], MaxTest = 300)]
public sealed class BallotCountProperties
{
    public static Arbitrary<int> Seeds() => Gen.Choose(0, int.MaxValue).ToArbitrary();

    private static BallotResult Ranked(RandomBallots.Election e) => BallotCount.Count(BallotKind.Ranked, e.Candidates, e.Ballots);

    [Property]
    public void A_Condorcet_winner_is_the_only_winner(int seed)
    {
        var e = RandomBallots.Build(seed);
        var m = Ranked(e).Schulze!;
        var n = m.Candidates.Count;
        var condorcet = Enumerable.Range(0, n).Where(c => Enumerable.Range(0, n).All(x => x == c || m.D[c][x] > m.D[x][c])).ToList();

        foreach (var c in condorcet)
        {
            Assert.Equal([m.Candidates[c]], Ranked(e).Winners);
        }
    }

    [Property]
    public void The_result_does_not_depend_on_the_order_of_ballots_or_candidates(int seed)
    {
        var e = RandomBallots.Build(seed);
        var shuffled = e with { Candidates = e.Candidates.Shuffle(e.Random), Ballots = e.Ballots.Shuffle(e.Random) };

        Assert.Equal(Ranked(e), Ranked(shuffled));
        Assert.Equal(
            BallotCount.Count(BallotKind.Approval, e.Candidates, [.. e.Ballots.Select(Flatten)]),
            BallotCount.Count(BallotKind.Approval, shuffled.Candidates, [.. shuffled.Ballots.Select(Flatten)]));
    }

    [Property]
    public void Whoever_beats_someone_is_in_a_higher_tier_and_a_tier_holds_no_one_beaten_by_another(int seed)
    {
        var result = Ranked(RandomBallots.Build(seed));
        var m = result.Schulze!;
        int TierOf(string c) => result.Order.Select((t, i) => (t, i)).Single(x => x.t.Contains(c, Login.Comparer)).i;

        foreach (var x in m.Candidates)
        {
            foreach (var y in m.Candidates.Where(y => !Login.Comparer.Equals(x, y)))
            {
                if (m.Beats(x, y))
                {
                    Assert.True(TierOf(x) < TierOf(y), $"{x} beats {y}");
                }

                if (TierOf(x) == TierOf(y))
                {
                    Assert.Equal(m.Path(x, y), m.Path(y, x));
                }
            }
        }
    }

    [Property]
    public void The_first_tier_is_exactly_the_Schulze_winners(int seed)
    {
        var result = Ranked(RandomBallots.Build(seed));
        var m = result.Schulze!;
        var unbeaten = m.Candidates.Where(x => !m.Candidates.Any(y => m.Beats(y, x)));

        Assert.Equal(unbeaten, result.Winners);
    }

    [Property]
    public void Scores_are_equal_exactly_within_a_tier_and_fall_from_tier_to_tier(int seed)
    {
        var e = RandomBallots.Build(seed);
        foreach (var result in new[] { Ranked(e), BallotCount.Count(BallotKind.Approval, e.Candidates, [.. e.Ballots.Select(Flatten)]) })
        {
            var tierScores = result.Order.Select(t => t.Select(result.Score).Distinct().Single()).ToList();
            Assert.Equal(tierScores.OrderDescending().Distinct(), tierScores);
            Assert.Equal(result.Candidates.Count, result.Order.Sum(t => t.Count));
        }
    }

    [Property]
    public void Leaving_candidates_unranked_counts_as_ranking_them_last_and_equal(int seed)
    {
        var e = RandomBallots.Build(seed);
        var explicitTail = e.Ballots.Select(b =>
        {
            var named = b.Preferences.SelectMany(t => t).ToHashSet(Login.Comparer);
            var rest = e.Candidates.Where(c => !named.Contains(c)).ToList();
            return rest.Count == 0 ? b : new Ballot([.. b.Preferences, rest]);
        }).ToList();

        Assert.Equal(Ranked(e), Ranked(e with { Ballots = explicitTail }));
    }

    // Schulze (2011), §4.6: reversal symmetry. Reversing every (complete) ballot transposes d; a unique winner
    // of the original is then not a winner. (The whole order does not simply reverse in general.)
    [Property]
    public void A_unique_winner_does_not_win_when_every_ballot_is_reversed(int seed)
    {
        var e = RandomBallots.Build(seed, complete: true);
        var reversed = e with { Ballots = [.. e.Ballots.Select(b => new Ballot([.. b.Preferences.Reverse()]))] };
        var before = Ranked(e);
        var after = Ranked(reversed);

        Assert.Equal(Transpose(before.Schulze!.D), Profiles.Matrix(after.Schulze!.D));
        if (before.Winners.Count == 1 && before.Candidates.Count > 1)
        {
            Assert.DoesNotContain(before.Winners[0], after.Winners);
        }
    }

    [Property]
    public void An_approval_score_is_the_number_of_ballots_approving(int seed)
    {
        var e = RandomBallots.Build(seed, approval: true);
        var result = BallotCount.Count(BallotKind.Approval, e.Candidates, e.Ballots);

        foreach (var c in e.Candidates)
        {
            Assert.Equal(e.Ballots.Count(b => b.Preferences.Any(t => t.Contains(c, Login.Comparer))), result.Score(c));
        }
    }

    private static Ballot Flatten(Ballot b) => Ballot.Approving([.. b.Preferences.SelectMany(t => t)]);

    private static int[][] Transpose(IReadOnlyList<IReadOnlyList<int>> m) =>
        [.. Enumerable.Range(0, m.Count).Select(i => Enumerable.Range(0, m.Count).Select(j => m[j][i]).ToArray())];
}
