using TagBot.Core.Elections;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Elections;

public sealed class ElectionCloseTests
{
    private static readonly DateTimeOffset CloseAt = new(2026, 3, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly ElectionScenario _election = new();

    /// <summary>member-max and member-kai both stand in APAC (1 seat up) with one binding support each.</summary>
    private void TieInApac()
    {
        _election.Comment("member-max", "/nominate");
        _election.Comment("member-kai", "/nominate");
        _election.Comment("lead-lee", "/support @member-max @member-kai");
    }

    [Fact]
    public void Only_a_chair_can_close()
    {
        var id = _election.Comment("lead-lee", "/close-election");

        Assert.Contains("only chairs (`chair`) can close an election", _election.RefusalOf(id), StringComparison.Ordinal);
        Assert.Contains("`tech_lead`", _election.RefusalOf(id), StringComparison.Ordinal);
        Assert.Equal(ElectionStage.Open, _election.Tally().Stage);
    }

    [Fact]
    public void A_chair_closes_and_the_close_date_starts_the_new_terms()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        var close = _election.CommentAt("chair-carla", "/close-election", CloseAt);

        var tally = _election.Tally();
        Assert.Equal(ElectionStage.Closed, tally.Stage);
        Assert.Equal(close, tally.Close!.Source.Id);
        Assert.Equal(close, tally.Outcome!.FinalizedBy!.Id);
        var seat = Assert.Single(tally.Outcome.Seats);
        Assert.Equal(new ElectedSeat("tech_lead", "member-mia", "Americas", "Globex",
            new Term(new DateOnly(2026, 3, 20), new DateOnly(2028, 3, 20)), Reelected: false, Rank: 1), seat);
        Assert.Empty(tally.Missing);
        Assert.Null(tally.Provisional);
    }

    [Fact]
    public void The_term_starts_on_the_UTC_date_of_the_closing_comment()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        _election.CommentAt("chair-carla", "/close-election", new DateTimeOffset(2026, 3, 21, 1, 30, 0, TimeSpan.FromHours(3)));

        var outcome = _election.Tally().Outcome!;
        Assert.Equal(new DateOnly(2026, 3, 20), outcome.TermStart);
        Assert.Equal(new Term(new DateOnly(2026, 3, 20), new DateOnly(2028, 3, 20)), outcome.NewTerm);
    }

    [Fact]
    public void Term_months_set_the_end_of_the_term()
    {
        var role = Policy.Default.Roles["tech_lead"] with { TermMonths = 12 };
        _election.Policy = Policy.Default with { Roles = new Dictionary<string, RolePolicy> { ["chair"] = RolePolicy.Template, ["tech_lead"] = role } };
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        Assert.Equal(new DateOnly(2027, 3, 20), _election.Tally().Outcome!.NewTerm!.End);
    }

    [Fact]
    public void Nothing_after_the_close_changes_the_result()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);
        var before = ElectionResult.Render(_election.Tally());

        var support = _election.CommentAt("lead-eve", "/support @member-mia", CloseAt.AddHours(1));
        var objection = _election.CommentAt("lead-eve", "/object @member-mia too late", CloseAt.AddHours(2));
        var nomination = _election.CommentAt("member-amy", "/nominate", CloseAt.AddHours(3));
        var decline = _election.CommentAt("member-mia", "/decline", CloseAt.AddHours(4));
        var again = _election.CommentAt("chair-carla", "/close-election", CloseAt.AddHours(5));

        foreach (var id in new[] { support, objection, nomination, decline })
        {
            Assert.Contains("this election was closed by @chair-carla", _election.RefusalOf(id), StringComparison.Ordinal);
            Assert.Contains("Nothing after the close counts", _election.RefusalOf(id), StringComparison.Ordinal);
        }

        Assert.Contains("The result stands", _election.RefusalOf(again), StringComparison.Ordinal);
        var tally = _election.Tally();
        Assert.Equal(1, _election.Row("member-mia").BindingSupports);
        Assert.Equal(Consent.Accepted, _election.Row("member-mia").Nomination.Consent);
        Assert.Equal(
            ["support of @member-mia", "objection to @member-mia", "nomination of @member-amy", "decline"],
            tally.Uncounted.Select(u => u.What));
        Assert.All(tally.Uncounted, u => Assert.Equal("after the close", u.Why));
        Assert.Equal(before, ElectionResult.Render(tally));
    }

    [Fact]
    public void Commands_after_the_close_line_of_the_same_comment_do_not_count()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        _election.CommentAt("chair-carla", "/support @member-mia\n/close-election\n/object @member-mia changed my mind", CloseAt);

        Assert.Equal((2, 0), (_election.Row("member-mia").BindingSupports, _election.Row("member-mia").BindingObjections));
        Assert.Equal("after the close", Assert.Single(_election.Tally().Uncounted).Why);
    }

    [Fact]
    public void A_tie_at_the_cut_off_waits_for_a_chairs_break_tie()
    {
        TieInApac();
        var early = _election.Comment("chair-carla", "/break-tie @member-kai");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        Assert.Contains("the election is still open", _election.RefusalOf(early), StringComparison.Ordinal);
        var tally = _election.Tally();
        Assert.Equal(ElectionStage.Tie, tally.Stage);
        Assert.False(tally.Outcome!.IsFinal);
        Assert.Empty(tally.Outcome.Seats);
        Assert.Equal(["member-max", "member-kai"], Assert.Single(tally.Outcome.Allocation.Ties).Nominees);
        Assert.Contains("a chair to break the tie between @member-max, @member-kai for 1 seat", Assert.Single(tally.Missing), StringComparison.Ordinal);
    }

    [Fact]
    public void Break_tie_is_refused_for_non_chairs_and_for_someone_not_tied()
    {
        TieInApac();
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);
        var lead = _election.CommentAt("lead-lee", "/break-tie @member-kai", CloseAt.AddHours(1));
        var notTied = _election.CommentAt("chair-carla", "/break-tie @member-mia", CloseAt.AddHours(2));

        Assert.Contains("only chairs (`chair`) can break a tie", _election.RefusalOf(lead), StringComparison.Ordinal);
        Assert.Contains("@member-mia is not in the tie. Tied: @member-max, @member-kai for 1 seat", _election.RefusalOf(notTied), StringComparison.Ordinal);
        Assert.Equal(ElectionStage.Tie, _election.Tally().Stage);
    }

    [Fact]
    public void A_valid_break_tie_makes_the_result_final_and_dates_the_terms()
    {
        TieInApac();
        _election.CommentAt("chair-carla", "/close-election", CloseAt);
        var pick = _election.CommentAt("chair-carla", "/break-tie @Member-Kai", CloseAt.AddDays(3));
        var late = _election.CommentAt("chair-carla", "/break-tie @member-max", CloseAt.AddDays(4));

        var tally = _election.Tally();
        Assert.Equal(ElectionStage.Closed, tally.Stage);
        Assert.Equal(pick, tally.Outcome!.FinalizedBy!.Id);
        Assert.Equal(new DateOnly(2026, 3, 23), tally.Outcome.TermStart);
        Assert.Equal(["member-kai"], tally.Outcome.Seats.Select(s => s.GitHub));
        var choice = Assert.Single(tally.TieBreaks);
        Assert.Equal(("chair-carla", "member-kai", 1), (choice.Chair, choice.Nominee, choice.Seats));
        Assert.Contains("no tie holds any more", _election.RefusalOf(late), StringComparison.Ordinal);
    }

    [Fact]
    public void Under_earliest_nomination_the_close_is_final_and_break_tie_is_refused()
    {
        _election.Policy = Policy.Default with { Elections = Policy.Default.Elections with { TieBreak = TieBreak.EarliestNomination } };
        TieInApac();
        var close = _election.CommentAt("chair-carla", "/close-election", CloseAt);
        var pick = _election.CommentAt("chair-carla", "/break-tie @member-kai", CloseAt.AddHours(1));

        var tally = _election.Tally();
        Assert.Equal(ElectionStage.Closed, tally.Stage);
        Assert.Equal(close, tally.Outcome!.FinalizedBy!.Id);
        Assert.Equal(["member-max"], tally.Outcome.Seats.Select(s => s.GitHub));
        Assert.True(Assert.Single(tally.Outcome.Allocation.Ties).Resolved);
        Assert.Contains("earliest-nomination", _election.RefusalOf(pick), StringComparison.Ordinal);
    }

    [Fact]
    public void Break_tie_without_a_tie_is_refused()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);
        var pick = _election.CommentAt("chair-carla", "/break-tie @member-mia", CloseAt.AddHours(1));

        Assert.Contains("no tie holds at the cut-off", _election.RefusalOf(pick), StringComparison.Ordinal);
    }

    [Fact]
    public void Holders_whose_term_ended_by_the_start_and_were_not_re_elected_retire()
    {
        _election.Comment("member-max", "/nominate");
        _election.Comment("lead-lee", "/support @member-max");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        var outcome = _election.Tally().Outcome!;
        // lead-old's term ended 2026-03-01, before the start; lead-ema's runs to 2026-09-01 and stays until then.
        Assert.Equal([new Retirement("tech_lead", "lead-old", new Term(new DateOnly(2024, 3, 1), new DateOnly(2026, 3, 1)))], outcome.Retirements);
    }

    [Fact]
    public void A_re_elected_incumbent_is_flagged_and_does_not_retire()
    {
        _election.Comment("lead-old", "/nominate");
        _election.Comment("lead-lee", "/support @lead-old");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        var outcome = _election.Tally().Outcome!;
        Assert.True(Assert.Single(outcome.Seats).Reelected);
        Assert.Empty(outcome.Retirements);
    }

    [Fact]
    public void Seats_up_per_region_cap_the_result()
    {
        foreach (var nominee in new[] { "member-mia", "member-amy", "member-max", "member-kai" })
        {
            _election.Comment(nominee, "/nominate");
        }

        _election.Comment("lead-lee", "/support @member-mia @member-amy @member-max @member-kai");
        _election.Comment("lead-eve", "/support @member-max");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        var allocation = _election.Tally().Outcome!.Allocation;
        Assert.Equal(["member-max", "member-mia", "member-amy"], ElectionScenario.Elected(allocation));
        Assert.Equal("the 1 seat up in APAC is filled", allocation.NotElected.Single(n => n.Candidate.GitHub == "member-kai").Why);
    }

    [Fact]
    public void An_election_with_an_unknown_role_cannot_close()
    {
        _election.Body = "Electing the treasurer.\nrole: treasurer\n";
        _election.Comment("member-mia", "/nominate");
        var close = _election.Comment("chair-carla", "/close-election");

        var tally = _election.Tally();
        Assert.Equal("treasurer", tally.Role);
        Assert.Contains("the policy has no such role", Assert.Single(tally.Problems), StringComparison.Ordinal);
        Assert.Null(tally.SeatsUp);
        Assert.Contains("the election cannot close", _election.RefusalOf(close), StringComparison.Ordinal);
        Assert.Equal(ElectionStage.Open, tally.Stage);
        Assert.Single(tally.Nominees);
    }

    [Fact]
    public void With_no_cap_every_electable_nominee_is_elected()
    {
        _election.Body = "role: chair";
        _election.Comment("member-mia", "/nominate");
        _election.Comment("member-amy", "/nominate");
        _election.Comment("member-max", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia @member-amy");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        var outcome = _election.Tally().Outcome!;
        Assert.Equal(["member-mia", "member-amy"], outcome.Seats.Select(s => s.GitHub));
        Assert.All(outcome.Seats, s => Assert.Equal("chair", s.Role));
        Assert.Empty(outcome.Allocation.Ties);
    }

    private void WithTechLead(Func<RolePolicy, RolePolicy> change) =>
        _election.Policy = Policy.Default with
        {
            Roles = new Dictionary<string, RolePolicy> { ["chair"] = RolePolicy.Template, ["tech_lead"] = change(Policy.Default.Roles["tech_lead"]) },
        };

    [Fact]
    public void Max_per_company_counts_continuing_holders_and_the_seat_passes_to_the_next_nominee()
    {
        // lead-lee (Initech, APAC) continues, so with one holder per company member-max (Initech) gives way.
        WithTechLead(role => role with { MaxPerCompany = 1 });
        _election.Comment("member-max", "/nominate");
        _election.Comment("member-kai", "/nominate");
        _election.Comment("lead-lee", "/support @member-max @member-kai");
        _election.Comment("lead-eve", "/support @member-max");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        var allocation = _election.Tally().Outcome!.Allocation;
        Assert.Equal(["member-kai"], ElectionScenario.Elected(allocation));
        Assert.Equal("gives way to `max_per_company: 1`: Initech would have more than 1 (already @lead-lee)",
            allocation.NotElected.Single(n => n.Candidate.GitHub == "member-max").Why);
    }

    [Fact]
    public void A_regions_minimum_is_met_first_with_continuing_holders_counted()
    {
        // 4 seats in all; lead-lee and lead-eve continue, so 2 are up. EMEA needs 2 and has lead-eve.
        WithTechLead(role => role with { SeatsPerRegion = null, Seats = 4, MinPerRegion = new Dictionary<string, int> { ["EMEA"] = 2 } });
        _election.Comment("member-mia", "/nominate");
        _election.Comment("member-amy", "/nominate");
        _election.Comment("chair-carla", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia @member-amy @chair-carla");
        _election.Comment("lead-eve", "/support @member-mia @member-amy");
        _election.Comment("member-max", "/support @member-mia");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        var tally = _election.Tally();
        Assert.Equal((4, 2), (tally.SeatsUp!.TotalCap, tally.SeatsUp.TotalUp));
        var allocation = tally.Outcome!.Allocation;
        Assert.Equal(["member-mia", "chair-carla"], ElectionScenario.Elected(allocation));
        Assert.True(allocation.Elected.Single(e => e.Candidate.GitHub == "chair-carla").ForMinimum);
        Assert.Equal("all 2 seats up are filled", allocation.NotElected.Single().Why);
        Assert.Empty(allocation.UnmetMinimums);
    }

    [Fact]
    public void A_minimum_without_candidates_is_reported_in_the_result()
    {
        WithTechLead(role => role with { MinPerRegion = new Dictionary<string, int> { ["Americas"] = 1 } });
        _election.Comment("member-max", "/nominate");
        _election.Comment("lead-lee", "/support @member-max");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);

        var tally = _election.Tally();
        var unmet = Assert.Single(tally.Outcome!.Allocation.UnmetMinimums);
        Assert.Equal(("Americas", 1, 0), (unmet.Region, unmet.Minimum, unmet.Seated));
        Assert.Contains("**Minimum not met:** Americas needs 1 and will have 0: no electable nominee stands in Americas.",
            ElectionResult.Render(tally), StringComparison.Ordinal);
        Assert.Equal(ElectionStage.Closed, tally.Stage);
    }
}
