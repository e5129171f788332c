using TagBot.Core.Elections;
using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Elections;

public sealed class SeatAllocatorTests
{
    private static int _order;

    private static SeatCandidate C(string login, string region, string? company, int supports, string? unelectable = null, int? order = null) =>
        new(login, region, company, supports, order ?? Interlocked.Increment(ref _order), unelectable);

    private static Incumbent Holder(string login, string region, string? company) => new(login, region, company, null);

    private static Dictionary<string, int> Map(params (string Key, int Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);

    private static SeatLimits Limits(
        Dictionary<string, int>? regionSeats = null,
        int? total = null,
        int? maxPerCompany = null,
        Dictionary<string, int>? min = null,
        params Incumbent[] continuing) =>
        new(regionSeats ?? [], total, maxPerCompany, min ?? [], continuing);

    private static SeatAllocation Allocate(SeatLimits limits, TieBreak tieBreak, params SeatCandidate[] candidates) =>
        SeatAllocator.Allocate(limits, candidates, tieBreak, []);

    private static string[] Elected(SeatAllocation allocation) => [.. allocation.Elected.Select(a => a.Candidate.GitHub)];

    private static SeatRefusal Refusal(SeatAllocation allocation, string login) =>
        allocation.NotElected.Single(r => r.Candidate.GitHub == login);

    [Fact]
    public void Without_a_cap_every_electable_nominee_is_elected_in_rank_order()
    {
        var allocation = Allocate(SeatLimits.Unlimited, TieBreak.Chair,
            C("low", "APAC", "Acme", 1), C("high", "EMEA", "Acme", 5), C("zero", "EMEA", null, 0), C("out", "APAC", null, 9, "declined"));

        Assert.Equal(["high", "low", "zero"], Elected(allocation));
        Assert.Equal([1, 2, 3], allocation.Elected.Select(a => a.Rank));
        Assert.Equal("not electable: declined", Refusal(allocation, "out").Why);
        Assert.Null(Refusal(allocation, "out").Rank);
        Assert.Empty(allocation.Ties);
    }

    [Fact]
    public void Region_caps_take_the_best_ranked_of_each_region()
    {
        var allocation = Allocate(Limits(Map(("APAC", 1), ("EMEA", 2))), TieBreak.Chair,
            C("apac-1", "APAC", null, 5), C("apac-2", "APAC", null, 4), C("emea-1", "EMEA", null, 3),
            C("emea-2", "EMEA", null, 2), C("emea-3", "EMEA", null, 1), C("amer", "Americas", null, 0));

        Assert.Equal(["apac-1", "emea-1", "emea-2", "amer"], Elected(allocation));
        Assert.Equal("the 1 seat up in APAC is filled", Refusal(allocation, "apac-2").Why);
        Assert.Equal("all 2 seats up in EMEA are filled", Refusal(allocation, "emea-3").Why);
    }

    [Fact]
    public void A_region_with_no_seat_up_seats_nobody()
    {
        var allocation = Allocate(Limits(Map(("APAC", 0))), TieBreak.Chair, C("a", "apac", null, 3));

        Assert.Empty(allocation.Elected);
        Assert.Equal("no seat is up in apac", Refusal(allocation, "a").Why);
    }

    [Fact]
    public void Total_seats_go_in_overall_rank_order()
    {
        var allocation = Allocate(Limits(total: 2), TieBreak.Chair,
            C("a", "APAC", null, 1), C("b", "APAC", null, 4), C("c", "APAC", null, 3));

        Assert.Equal(["b", "c"], Elected(allocation));
        Assert.Equal("all 2 seats up are filled", Refusal(allocation, "a").Why);
    }

    [Fact]
    public void A_minimum_is_met_first_by_the_regions_best_ranked_nominee()
    {
        var allocation = Allocate(Limits(total: 2, min: Map(("EMEA", 1))), TieBreak.Chair,
            C("apac-1", "APAC", null, 5), C("apac-2", "APAC", null, 4), C("emea-1", "EMEA", null, 1), C("emea-2", "EMEA", null, 0));

        Assert.Equal(["apac-1", "emea-1"], Elected(allocation));
        Assert.True(allocation.Elected.Single(a => a.Candidate.GitHub == "emea-1").ForMinimum);
        Assert.False(allocation.Elected.Single(a => a.Candidate.GitHub == "apac-1").ForMinimum);
        Assert.Equal(3, allocation.Elected.Single(a => a.Candidate.GitHub == "emea-1").Rank);
        Assert.Empty(allocation.UnmetMinimums);
    }

    [Fact]
    public void Continuing_holders_count_toward_a_minimum()
    {
        var allocation = Allocate(Limits(total: 2, min: Map(("EMEA", 1)), continuing: Holder("staying", "EMEA", null)), TieBreak.Chair,
            C("apac-1", "APAC", null, 5), C("apac-2", "APAC", null, 4), C("emea-1", "EMEA", null, 1));

        Assert.Equal(["apac-1", "apac-2"], Elected(allocation));
        Assert.Empty(allocation.UnmetMinimums);
    }

    [Fact]
    public void A_minimum_without_candidates_is_reported_not_forced()
    {
        var allocation = Allocate(Limits(total: 2, min: Map(("APAC", 2), ("Americas", 1))), TieBreak.Chair,
            C("apac-1", "APAC", null, 1), C("emea-1", "EMEA", null, 3));

        Assert.Equal(["emea-1", "apac-1"], Elected(allocation));
        Assert.Collection(allocation.UnmetMinimums,
            apac =>
            {
                Assert.Equal(("APAC", 2, 1), (apac.Region, apac.Minimum, apac.Seated));
                Assert.Equal("only 1 electable nominee stands in APAC", apac.Why);
            },
            americas => Assert.Equal("no electable nominee stands in Americas", americas.Why));
    }

    [Fact]
    public void A_minimum_that_a_hard_limit_prevents_is_reported_with_the_limit()
    {
        var allocation = Allocate(Limits(maxPerCompany: 1, min: Map(("APAC", 1)), continuing: Holder("old", "EMEA", "Acme")), TieBreak.Chair,
            C("apac-1", "APAC", "Acme", 3));

        Assert.Empty(allocation.Elected);
        var unmet = Assert.Single(allocation.UnmetMinimums);
        Assert.StartsWith("a hard limit prevents it: @apac-1 gives way to `max_per_company: 1`", unmet.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lowest_ranked_new_nominee_of_a_full_company_gives_way_and_the_seat_passes_on()
    {
        var allocation = Allocate(Limits(total: 2, maxPerCompany: 2, continuing: Holder("incumbent", "EMEA", "Acme")), TieBreak.Chair,
            C("acme-1", "APAC", "Acme", 5), C("acme-2", "APAC", "acme ", 4), C("globex", "APAC", "Globex", 1));

        Assert.Equal(["acme-1", "globex"], Elected(allocation));
        Assert.Equal("gives way to `max_per_company: 2`: acme would have more than 2 (already @incumbent, @acme-1)",
            Refusal(allocation, "acme-2").Why);
    }

    [Fact]
    public void Nominees_without_a_company_are_not_limited_by_max_per_company()
    {
        var allocation = Allocate(Limits(maxPerCompany: 1), TieBreak.Chair,
            C("a", "APAC", null, 2), C("b", "APAC", " ", 1), C("c", "APAC", "Acme", 1), C("d", "APAC", "Acme", 0));

        Assert.Equal(["a", "b", "c"], Elected(allocation));
    }

    [Fact]
    public void Minimums_are_met_as_far_as_the_hard_limits_allow_not_greedily()
    {
        // Seating the best EMEA nominee (Acme) would leave APAC's only nominee (Acme too) no room.
        var allocation = Allocate(Limits(maxPerCompany: 1, min: Map(("EMEA", 1), ("APAC", 1))), TieBreak.Chair,
            C("emea-acme", "EMEA", "Acme", 10), C("apac-acme", "APAC", "Acme", 9), C("emea-globex", "EMEA", "Globex", 1));

        Assert.Equal(["apac-acme", "emea-globex"], Elected(allocation));
        Assert.All(allocation.Elected, a => Assert.True(a.ForMinimum));
        Assert.Empty(allocation.UnmetMinimums);
        Assert.StartsWith("gives way to `max_per_company: 1`", Refusal(allocation, "emea-acme").Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unelectable_nominee_is_never_seated_whatever_their_support()
    {
        var allocation = Allocate(Limits(total: 1), TieBreak.Chair, C("vetoed", "APAC", null, 9, "vetoed"), C("ok", "APAC", null, 1));

        Assert.Equal(["ok"], Elected(allocation));
    }

    [Fact]
    public void A_tie_at_the_cut_off_waits_for_the_chair()
    {
        var allocation = Allocate(Limits(Map(("APAC", 1))), TieBreak.Chair,
            C("first", "APAC", null, 3), C("second", "APAC", null, 3), C("third", "APAC", null, 1));

        Assert.True(allocation.HasOpenTie);
        Assert.Empty(allocation.Elected);
        var tie = Assert.Single(allocation.Ties);
        Assert.Equal(["first", "second"], tie.Nominees);
        Assert.Equal((3, 1, false), (tie.Supports, tie.Seats, tie.Resolved));
        Assert.True(Refusal(allocation, "first").Tied);
        Assert.Contains("`/break-tie @user`", Refusal(allocation, "second").Why, StringComparison.Ordinal);
        Assert.False(Refusal(allocation, "third").Tied);
        Assert.Same(tie, allocation.OpenTieOf("SECOND"));
        Assert.Null(allocation.OpenTieOf("third"));
    }

    [Fact]
    public void The_chairs_pick_resolves_the_tie()
    {
        var allocation = SeatAllocator.Allocate(Limits(Map(("APAC", 1))),
            [C("first", "APAC", null, 3), C("second", "APAC", null, 3)], TieBreak.Chair, ["Second"]);

        Assert.False(allocation.HasOpenTie);
        Assert.Equal(["second"], Elected(allocation));
        Assert.Equal("the 1 seat up in APAC is filled (a chair's `/break-tie` picked @second)", Refusal(allocation, "first").Why);
    }

    [Fact]
    public void Under_earliest_nomination_the_earlier_nomination_wins_the_tie()
    {
        var allocation = Allocate(Limits(total: 1), TieBreak.EarliestNomination,
            C("later", "APAC", null, 2, order: 20), C("earlier", "EMEA", null, 2, order: 10));

        Assert.False(allocation.HasOpenTie);
        Assert.Equal(["earlier"], Elected(allocation));
        Assert.True(Assert.Single(allocation.Ties).Resolved);
        Assert.Equal("the 1 seat up is filled (tied with @earlier; the earlier nomination wins under `tie_break: earliest-nomination`)",
            Refusal(allocation, "later").Why);
    }

    [Fact]
    public void Three_tied_for_two_seats_need_two_picks()
    {
        var candidates = new[] { C("top", "APAC", null, 5), C("b", "APAC", null, 3), C("c", "APAC", null, 3), C("d", "APAC", null, 3) };
        var limits = Limits(total: 3);

        var open = SeatAllocator.Allocate(limits, candidates, TieBreak.Chair, []);
        var tie = Assert.Single(open.Ties);
        Assert.Equal(["b", "c", "d"], tie.Nominees);
        Assert.Equal(2, tie.Seats);
        Assert.Equal(["top"], Elected(open));

        var onePick = SeatAllocator.Allocate(limits, candidates, TieBreak.Chair, ["d"]);
        Assert.Equal(["b", "c"], Assert.Single(onePick.Ties).Nominees);
        Assert.Equal(1, onePick.Ties[0].Seats);
        Assert.Equal(["top", "d"], Elected(onePick));

        var twoPicks = SeatAllocator.Allocate(limits, candidates, TieBreak.Chair, ["d", "c"]);
        Assert.Empty(twoPicks.Ties);
        Assert.Equal(["top", "d", "c"], Elected(twoPicks));
    }

    [Fact]
    public void Equal_supports_that_all_fit_are_no_tie()
    {
        var allocation = Allocate(Limits(total: 3), TieBreak.Chair, C("a", "APAC", null, 2), C("b", "APAC", null, 2), C("c", "APAC", null, 1));

        Assert.Empty(allocation.Ties);
        Assert.Equal(["a", "b", "c"], Elected(allocation));
    }

    [Fact]
    public void A_company_limit_between_equal_nominees_is_a_tie()
    {
        var allocation = Allocate(Limits(maxPerCompany: 1), TieBreak.Chair, C("a", "APAC", "Acme", 2), C("b", "EMEA", "Acme", 2));

        Assert.Equal(["a", "b"], Assert.Single(allocation.Ties).Nominees);
    }

    [Fact]
    public void A_candidate_given_twice_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Allocate(SeatLimits.Unlimited, TieBreak.Chair, C("a", "APAC", null, 1), C("A", "EMEA", null, 2)));
    }

    [Fact]
    public void A_tie_broken_in_one_region_is_not_blamed_for_a_loss_in_another()
    {
        // EMEA: one seat, eve and fay tie and the chair picks eve. APAC: one seat, ann beats mei.
        var allocation = SeatAllocator.Allocate(Limits(Map(("EMEA", 1), ("APAC", 1))),
            [C("eve", "EMEA", null, 2), C("fay", "EMEA", null, 2), C("ann", "APAC", null, 3), C("mei", "APAC", null, 2)],
            TieBreak.Chair, ["eve"]);

        var fay = Assert.Single(allocation.NotElected, r => r.Candidate.GitHub == "fay");
        var mei = Assert.Single(allocation.NotElected, r => r.Candidate.GitHub == "mei");
        Assert.Contains("picked @eve", fay.Why, StringComparison.Ordinal);
        Assert.DoesNotContain("break-tie", mei.Why, StringComparison.Ordinal);
    }
}
