using TagBot.Core.Elections;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Elections;

/// <summary>
/// Each nomination rule on its own, against the scenario roster as of its opening (see
/// <see cref="ElectionScenario.RosterYaml"/>): one test that the rule refuses, one that it lets through.
/// </summary>
public sealed class NominationRulesTests
{
    private static readonly Roster Roster = ElectionScenario.ReadRoster(ElectionScenario.RosterYaml);
    private static readonly Policy Policy = Policy.Default;
    private static readonly RolePolicy TechLead = Policy.Default.Roles["tech_lead"];
    private static readonly SeatsUp Seats = SeatsUp.Compute(Policy, "tech_lead", TechLead, Roster, DateOnly.FromDateTime(ElectionScenario.Opened.UtcDateTime));

    /// <summary>A <c>/nominate</c> by <paramref name="author"/> of <paramref name="nominee"/> (null: themself).</summary>
    private static NominationAttempt Attempt(string author, string? nominee = null, string? region = null) =>
        new(author, Roster.FindPerson(nominee ?? author)?.GitHub ?? nominee ?? author, nominee is not null, region, Roster.FindPerson(nominee ?? author));

    private static Nomination NominationOf(string nominee, string by, Consent consent) =>
        new(nominee, "Americas", "Americas", null, by, new CommentRef(5000, "https://github.com/o/r/issues/7#issuecomment-5000", ElectionScenario.Opened),
            0, consent, null, Incumbent: false);

    [Fact]
    public void Login_without_at_asks_whether_a_bare_login_meant_a_nominee()
    {
        Assert.Equal("did you mean `@newbie`? A nominee is named with `@`: `/nominate @newbie`. "
            + "(`newbie` is not a region here; the regions are `APAC`, `EMEA`, `Americas`.)",
            NominationRules.LoginWithoutAt(Attempt("member-mia", region: "newbie"), Policy));
        Assert.Equal("did you mean `@newbie`? A nominee is named with `@`: `/nominate @newbie`. (This repository defines no regions.)",
            NominationRules.LoginWithoutAt(Attempt("member-mia", region: "newbie"), Policy with { Regions = [] }));
    }

    [Theory]
    [InlineData(null, "emea")]
    [InlineData(null, "APAC")]
    [InlineData(null, "Asia/Pacific")]
    [InlineData(null, null)]
    [InlineData("member-amy", "newbie")]
    public void Login_without_at_lets_regions_non_logins_and_named_nominees_through(string? nominee, string? word)
    {
        Assert.Null(NominationRules.LoginWithoutAt(Attempt("member-mia", nominee, word), Policy));
    }

    [Fact]
    public void Self_nomination_off_refuses_standing_oneself()
    {
        var rules = Policy.Elections with { SelfNomination = false };

        Assert.Equal("self-nomination is off in this repository (`elections.self_nomination: false`). Ask someone to nominate you with `/nominate @member-mia`.",
            NominationRules.SelfNominationOff(Attempt("member-mia"), rules));
        Assert.Equal(NominationRules.SelfNominationOff(Attempt("member-mia"), rules), NominationRules.SelfNominationOff(Attempt("member-mia", "Member-Mia"), rules));
    }

    [Fact]
    public void Self_nomination_off_lets_anyone_nominate_someone_else_and_on_lets_one_stand()
    {
        Assert.Null(NominationRules.SelfNominationOff(Attempt("member-amy", "member-mia"), Policy.Elections with { SelfNomination = false }));
        Assert.Null(NominationRules.SelfNominationOff(Attempt("member-mia"), Policy.Elections));
    }

    [Fact]
    public void Already_nominated_says_by_whom_and_hints_accept_when_the_nominee_declined()
    {
        var why = NominationRules.AlreadyNominated(Attempt("member-mia"), NominationOf("member-mia", "member-amy", Consent.Declined));

        Assert.Equal("@member-mia is already nominated, by @member-amy on 2026-03-02 09:00 UTC in "
            + "[this comment](https://github.com/o/r/issues/7#issuecomment-5000). You declined; to stand again, comment `/accept`.", why);
        Assert.EndsWith("They declined; to stand again, @member-mia comments `/accept`.",
            NominationRules.AlreadyNominated(Attempt("lead-lee", "member-mia"), NominationOf("member-mia", "member-amy", Consent.Declined)), StringComparison.Ordinal);
    }

    [Fact]
    public void Already_nominated_lets_a_first_nomination_through()
    {
        Assert.Null(NominationRules.AlreadyNominated(Attempt("member-mia"), existing: null));
    }

    [Fact]
    public void Not_a_candidate_refuses_someone_the_roster_gives_no_candidate_role()
    {
        var why = NominationRules.NotACandidate(Attempt("member-mia", "random-rita"), new Authority(Policy, Roster));

        Assert.Equal("@random-rita cannot stand: a nominee must hold one of the roles `member`, `tech_lead`, `chair` in `governance/roster.yaml`, "
            + "and the roster gives them no role. A roster change reviewed by the maintainers can add them first.", why);
    }

    [Fact]
    public void Not_a_candidate_lets_a_member_through_and_anyone_when_candidates_says_anyone()
    {
        Assert.Null(NominationRules.NotACandidate(Attempt("member-mia"), new Authority(Policy, Roster)));
        var open = Policy with { Elections = Policy.Elections with { Candidates = ["anyone"] } };
        Assert.Null(NominationRules.NotACandidate(Attempt("member-mia", "random-rita"), new Authority(open, Roster)));
    }

    [Fact]
    public void Seat_not_up_refuses_a_holder_whose_term_runs_past_the_next_election()
    {
        Assert.Equal("@lead-lee already holds `tech_lead` until 2027-03-01, past the next election (2026-09-02), so their seat is not up in this election.",
            NominationRules.SeatNotUp(Attempt("member-mia", "lead-lee"), Seats));
        Assert.StartsWith("you already hold `tech_lead`", NominationRules.SeatNotUp(Attempt("lead-lee"), Seats), StringComparison.Ordinal);
    }

    [Fact]
    public void Seat_not_up_lets_a_holder_whose_term_ends_before_the_next_election_stand()
    {
        Assert.Null(NominationRules.SeatNotUp(Attempt("lead-ema"), Seats));
        Assert.Null(NominationRules.SeatNotUp(Attempt("member-mia"), Seats));
    }

    [Fact]
    public void Term_limit_refuses_a_term_that_would_make_the_run_longer_than_the_limit()
    {
        var why = NominationRules.TermLimitReached(Attempt("lead-old"), Roster, Seats, TechLead with { MaxConsecutiveTerms = 2 });

        Assert.Equal("you have served 2 consecutive terms as `tech_lead` (2022-03-01 to 2026-03-01) and `max_consecutive_terms` is 2: another term would exceed it.", why);
    }

    [Fact]
    public void Term_limit_lets_a_shorter_run_through_and_no_limit_lets_everyone()
    {
        Assert.Null(NominationRules.TermLimitReached(Attempt("lead-ema"), Roster, Seats, TechLead with { MaxConsecutiveTerms = 2 }));
        Assert.Null(NominationRules.TermLimitReached(Attempt("lead-old"), Roster, Seats, TechLead));
    }

    [Fact]
    public void Region_without_regions_refuses_a_region_word_when_the_policy_has_none()
    {
        var none = Policy with { Regions = [] };

        Assert.Equal("this repository defines no regions, so `EMEA` cannot be one. Leave it out: `/nominate @member-amy`.",
            NominationRules.RegionWithoutRegions(Attempt("member-mia", "member-amy", "EMEA"), none));
    }

    [Fact]
    public void Region_without_regions_lets_a_nomination_without_a_region_word_through()
    {
        Assert.Null(NominationRules.RegionWithoutRegions(Attempt("member-mia"), Policy with { Regions = [] }));
        Assert.Null(NominationRules.RegionWithoutRegions(Attempt("member-mia", region: "EMEA"), Policy));
    }

    [Fact]
    public void Unknown_region_refuses_a_word_that_is_none_of_the_regions_with_the_list()
    {
        Assert.Equal("`Europe` is not a region here; the regions are `APAC`, `EMEA`, `Americas`. For example: `/nominate @member-amy APAC`.",
            NominationRules.UnknownRegion(Attempt("member-mia", "member-amy", "Europe"), Policy));
    }

    [Fact]
    public void Unknown_region_lets_a_region_in_any_case_through()
    {
        Assert.Null(NominationRules.UnknownRegion(Attempt("member-mia", "member-amy", "emea"), Policy));
        Assert.Null(NominationRules.UnknownRegion(Attempt("member-mia"), Policy));
    }

    [Fact]
    public void Region_missing_refuses_when_neither_the_command_nor_the_roster_gives_a_region()
    {
        Assert.Equal("the roster gives @member-noregion no region, so name the region they stand in: "
            + "`/nominate @member-noregion REGION` with REGION one of `APAC`, `EMEA`, `Americas`.",
            NominationRules.RegionMissing(Attempt("member-mia", "member-noregion"), Policy));
    }

    [Fact]
    public void Region_missing_lets_the_rosters_region_or_the_commands_through()
    {
        Assert.Null(NominationRules.RegionMissing(Attempt("member-mia"), Policy));
        Assert.Null(NominationRules.RegionMissing(Attempt("member-mia", "member-noregion", "APAC"), Policy));
        Assert.Null(NominationRules.RegionMissing(Attempt("member-mia", "member-noregion"), Policy with { Regions = [] }));
    }

    [Fact]
    public void The_commands_region_wins_over_the_rosters_in_the_policys_spelling()
    {
        Assert.Equal("EMEA", NominationRules.RegionOf(Attempt("member-mia", region: "emea"), Policy));
        Assert.Equal("Americas", NominationRules.RegionOf(Attempt("member-mia"), Policy));
        Assert.Null(NominationRules.RegionOf(Attempt("member-mia"), Policy with { Regions = [] }));
    }
}
