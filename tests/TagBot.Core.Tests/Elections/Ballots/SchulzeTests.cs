using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Tests.Elections.Ballots;

public sealed class SchulzeTests
{
    // Wikipedia "Schulze method", Example; Schulze (2011), §3.1 example 1: 45 voters, 5 candidates.
    private static readonly IReadOnlyList<Ballot> Wikipedia45 = Profiles.Of(
        "5 ACBED", "5 ADECB", "8 BEDAC", "3 CABED", "7 CAEBD", "2 CBADE", "7 DCEBA", "8 EBADC");

    [Fact]
    public void Wikipedia_example_has_the_published_pairwise_matrix()
    {
        var m = Schulze.Count(Profiles.Letters(5), Wikipedia45);

        Assert.Equal(
            new[]
            {
                new[] { 0, 20, 26, 30, 22 },
                new[] { 25, 0, 16, 33, 18 },
                new[] { 19, 29, 0, 17, 24 },
                new[] { 15, 12, 28, 0, 14 },
                new[] { 23, 27, 21, 31, 0 },
            },
            Profiles.Matrix(m.D));
    }

    [Fact]
    public void Wikipedia_example_has_the_published_strongest_paths()
    {
        var m = Schulze.Count(Profiles.Letters(5), Wikipedia45);

        Assert.Equal(
            new[]
            {
                new[] { 0, 28, 28, 30, 24 },
                new[] { 25, 0, 28, 33, 24 },
                new[] { 25, 29, 0, 29, 24 },
                new[] { 25, 28, 28, 0, 24 },
                new[] { 25, 28, 28, 31, 0 },
            },
            Profiles.Matrix(m.P));
    }

    [Fact]
    public void Wikipedia_example_orders_E_A_C_B_D()
    {
        var m = Schulze.Count(Profiles.Letters(5), Wikipedia45);

        Assert.Equal("E > A > C > B > D", Profiles.Tiers(Schulze.Order(m)));
        Assert.True(m.Beats("E", "A"));
        Assert.Equal(25, m.Path("e", "a"));
        Assert.Equal(24, m.Path("A", "E"));
    }

    // Schulze (2011), §3.2 example 2 (30 voters, 4 candidates): winner D, ranking D > A > C > B.
    [Fact]
    public void Schulze_example_2_elects_D()
    {
        var ballots = Profiles.Of("5 ACBD", "2 ACDB", "3 ADCB", "4 BACD", "3 CBDA", "3 CDBA", "1 DACB", "5 DBAC", "4 DCBA");

        var m = Schulze.Count(Profiles.Letters(4), ballots);

        Assert.Equal("D > A > C > B", Profiles.Tiers(Schulze.Order(m)));
    }

    // Schulze (2011), §3.3 example 3 (30 voters, 5 candidates): winner B, ranking B > A > D > E > C.
    [Fact]
    public void Schulze_example_3_elects_B()
    {
        var ballots = Profiles.Of("3 ABDEC", "5 ADEBC", "1 ADECB", "2 BADEC", "2 BDECA", "4 CABDE", "6 CBADE", "2 DBECA", "5 DECAB");

        var m = Schulze.Count(Profiles.Letters(5), ballots);

        Assert.Equal("B > A > D > E > C", Profiles.Tiers(Schulze.Order(m)));
    }

    // Schulze (2011), §3.4 example 4 (9 voters): B and D are both potential winners. D beats A, B beats C,
    // and every other pair is tied in p, so the relation is not a weak order: A and B are tied in p but
    // lie in different tiers, because D beats A and nobody beats B.
    [Fact]
    public void Schulze_example_4_has_two_winners_and_a_pair_tied_across_tiers()
    {
        var ballots = Profiles.Of("3 ABCD", "2 DABC", "2 DBCA", "2 CBDA");

        var m = Schulze.Count(Profiles.Letters(4), ballots);

        Assert.Equal("B=D > A=C", Profiles.Tiers(Schulze.Order(m)));
        Assert.True(m.Beats("D", "A"));
        Assert.True(m.Beats("B", "C"));
        Assert.Equal(m.Path("A", "B"), m.Path("B", "A"));
        Assert.Equal(m.Path("B", "D"), m.Path("D", "B"));
    }

    // Ported from Elekto, test/core/test_core_init.py (elekto-io/elekto), test_schulze_d. Elekto's ranks
    // count up (3 is first); here voter1 is A > B > C and voter2 is B > C > A.
    [Fact]
    public void Elekto_pairwise_case()
    {
        var m = Schulze.Count(["A", "B", "C"], [Ballot.Ranking("A", "B", "C"), Ballot.Ranking("B", "C", "A")]);

        Assert.Equal(new[] { new[] { 0, 1, 1 }, new[] { 1, 0, 2 }, new[] { 1, 0, 0 } }, Profiles.Matrix(m.D));
    }

    // Ported from Elekto, test/core/test_core_init.py, test_schulze_p (a d matrix given directly).
    [Fact]
    public void Elekto_strongest_paths_case()
    {
        int[][] d =
        [
            [0, 12, 7, 16],
            [9, 0, 5, 18],
            [14, 10, 0, 2],
            [3, 1, 20, 0],
        ];

        var p = Schulze.StrongestPaths(d);

        Assert.Equal(
            new[] { new[] { 0, 12, 16, 16 }, new[] { 14, 0, 18, 18 }, new[] { 14, 12, 0, 14 }, new[] { 14, 12, 20, 0 } },
            Profiles.Matrix(p));
    }

    // Ported from Elekto, test/core/test_core_init.py, test_schulze_rank_simple: A beats B and C, B beats C.
    [Fact]
    public void Elekto_rank_case()
    {
        int[][] p = [[0, 10, 15], [5, 0, 8], [2, 3, 0]];

        Assert.Equal(new[] { new[] { 0 }, new[] { 1 }, new[] { 2 } }, Schulze.Tiers(p).Select(t => t.ToArray()));
    }

    // Elekto's test_schulze_rank_tie hands its ranking a cyclic p (A beats B beats C beats A) and expects one
    // tier. StrongestPaths never yields a cycle (Schulze's relation is transitive), so such a p is refused.
    [Fact]
    public void A_cyclic_p_is_refused_as_not_a_Schulze_matrix()
    {
        int[][] p = [[0, 10, 5], [5, 0, 10], [10, 5, 0]];

        var error = Assert.Throws<ArgumentException>(() => Schulze.Tiers(p));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Condorcet_cycle_of_equal_strength_is_one_tier()
    {
        var m = Schulze.Count(Profiles.Letters(3), Profiles.Of("1 ABC", "1 BCA", "1 CAB"));

        Assert.Equal("A=B=C", Profiles.Tiers(Schulze.Order(m)));
    }

    [Fact]
    public void A_single_voter_decides_the_whole_order()
    {
        var m = Schulze.Count(["alice", "bob", "carol"], [Ballot.Ranking("carol", "alice", "bob")]);

        Assert.Equal("carol > alice > bob", Profiles.Tiers(Schulze.Order(m)));
    }

    [Fact]
    public void No_ballots_leave_every_candidate_tied()
    {
        var m = Schulze.Count(["bob", "alice"], []);

        Assert.Equal("alice=bob", Profiles.Tiers(Schulze.Order(m)));
        Assert.All(m.D.SelectMany(r => r), v => Assert.Equal(0, v));
    }

    [Fact]
    public void A_candidate_nobody_ranked_is_last_and_beaten_by_every_ranked_one()
    {
        var m = Schulze.Count(["alice", "bob", "zed"], [Ballot.Ranking("alice"), Ballot.Ranking("alice", "bob"), Ballot.Ranking("bob")]);

        Assert.Equal("alice > bob > zed", Profiles.Tiers(Schulze.Order(m)));
        Assert.Equal(2, m.Preferring("alice", "zed"));
        Assert.Equal(2, m.Preferring("bob", "zed"));
        Assert.Equal(0, m.Preferring("zed", "bob"));
    }

    [Fact]
    public void Equal_ranks_on_a_ballot_count_for_neither()
    {
        var m = Schulze.Count(["alice", "bob", "carol"], [new Ballot([["alice", "bob"], ["carol"]])]);

        Assert.Equal(0, m.Preferring("alice", "bob"));
        Assert.Equal(0, m.Preferring("bob", "alice"));
        Assert.Equal(1, m.Preferring("bob", "carol"));
        Assert.Equal("alice=bob > carol", Profiles.Tiers(Schulze.Order(m)));
    }

    [Fact]
    public void Logins_compare_in_any_case_and_keep_the_candidates_spelling()
    {
        var m = Schulze.Count(["Alice", "bob"], [Ballot.Ranking("BOB", "alice")]);

        Assert.Equal(["Alice", "bob"], m.Candidates);
        Assert.Equal("bob > Alice", Profiles.Tiers(Schulze.Order(m)));
    }

    [Fact]
    public void An_invalid_ballot_is_refused_here_with_its_number()
    {
        var error = Assert.Throws<ArgumentException>(() => Schulze.Count(["alice"], [Ballot.Ranking("alice"), Ballot.Ranking("zed")]));

        Assert.Contains("Ballot 2 is invalid: @zed is not a candidate", error.Message, StringComparison.Ordinal);
    }
}
