using TagBot.Core.Elections;
using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Proposals;

namespace TagBot.Core.Tests.Elections;

public sealed class ElectionNominationTests
{
    private readonly ElectionScenario _election = new();

    [Fact]
    public void A_self_nomination_is_its_own_consent_and_takes_the_rosters_region()
    {
        var id = _election.Comment("member-mia", "/nominate");

        _election.AssertApplied(id);
        var row = _election.Row("member-mia");
        Assert.Equal(Consent.Accepted, row.Nomination.Consent);
        Assert.True(row.Nomination.Self);
        Assert.Equal("Americas", row.Nomination.Region);
        Assert.Equal("Globex", row.Nomination.Company);
        Assert.Equal(["needs 1 more binding support"], row.Missing);
    }

    [Fact]
    public void A_binding_support_makes_a_self_nominee_electable()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");

        var row = _election.Row("member-mia");
        Assert.True(row.Electable);
        Assert.Equal((1, 0), (row.BindingSupports, row.NonBindingSupports));
        Assert.Equal(["member-mia"], ElectionScenario.Elected(_election.Tally().Provisional));
    }

    [Fact]
    public void Self_nomination_is_refused_when_the_policy_turns_it_off()
    {
        _election.Policy = Policy.Default with { Elections = Policy.Default.Elections with { SelfNomination = false } };
        var bare = _election.Comment("member-mia", "/nominate");
        var named = _election.Comment("member-amy", "/nominate @Member-Amy");

        Assert.Contains("self-nomination is off", _election.RefusalOf(bare), StringComparison.Ordinal);
        Assert.Contains("/nominate @member-mia", _election.RefusalOf(bare), StringComparison.Ordinal);
        Assert.Contains("self-nomination is off", _election.RefusalOf(named), StringComparison.Ordinal);
        Assert.Empty(_election.Tally().Nominees);
    }

    [Fact]
    public void Nominating_someone_else_waits_for_their_acceptance()
    {
        _election.Comment("member-mia", "/nominate @member-amy");
        _election.Comment("lead-lee", "/support @member-amy");

        var pending = _election.Row("member-amy");
        Assert.Equal(Consent.Pending, pending.Nomination.Consent);
        Assert.Equal("member-mia", pending.Nomination.NominatedBy);
        Assert.Equal(["not accepted yet"], pending.Missing);
        Assert.Contains("@member-amy: to accept (`/accept`)", _election.Tally().Missing);

        _election.Comment("member-amy", "/accept");
        Assert.True(_election.Row("member-amy").Electable);
    }

    [Fact]
    public void Only_the_nominee_can_accept()
    {
        _election.Comment("member-mia", "/nominate @member-amy");
        var other = _election.Comment("member-mia", "/accept");
        var outsider = _election.Comment("random-rita", "/accept");

        Assert.Contains("only a nominee can accept or decline", _election.RefusalOf(other), StringComparison.Ordinal);
        Assert.Contains("(nominees: @member-amy)", _election.RefusalOf(outsider), StringComparison.Ordinal);
        Assert.Equal(Consent.Pending, _election.Row("member-amy").Nomination.Consent);
    }

    [Fact]
    public void A_decline_withdraws_and_a_later_accept_reinstates()
    {
        _election.Comment("member-amy", "/nominate");
        _election.Comment("lead-lee", "/support @member-amy");
        var decline = _election.Comment("member-amy", "/decline");

        var declined = _election.Row("member-amy");
        Assert.Equal(Consent.Declined, declined.Nomination.Consent);
        Assert.Equal(decline, declined.Nomination.ConsentSource!.Id);
        Assert.Equal(["declined"], declined.Missing);
        Assert.Empty(_election.Tally().Provisional!.Elected);

        _election.Comment("member-amy", "/accept");
        Assert.True(_election.Row("member-amy").Electable);
    }

    [Fact]
    public void Without_nominee_must_accept_a_pending_nominee_is_electable_but_a_decline_still_counts()
    {
        _election.Policy = Policy.Default with { Elections = Policy.Default.Elections with { NomineeMustAccept = false } };
        _election.Comment("member-mia", "/nominate @member-amy");
        _election.Comment("lead-lee", "/support @member-amy");

        Assert.True(_election.Row("member-amy").Electable);
        Assert.Contains("| not needed |", _election.Status(), StringComparison.Ordinal);

        _election.Comment("member-amy", "/decline");
        Assert.False(_election.Row("member-amy").Electable);
    }

    [Fact]
    public void The_region_in_the_command_wins_and_is_matched_case_insensitively()
    {
        _election.Comment("member-mia", "/nominate emea");

        var nomination = _election.Row("member-mia").Nomination;
        Assert.Equal("EMEA", nomination.Region);
        Assert.Equal("Americas", nomination.RosterRegion);
        Assert.Contains("| EMEA (roster: Americas) |", _election.Status(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_region_is_refused_with_the_list()
    {
        var id = _election.Comment("member-mia", "/nominate @member-amy Europe");

        var why = _election.RefusalOf(id);
        Assert.Contains("`Europe` is not a region here", why, StringComparison.Ordinal);
        Assert.Contains("`APAC`, `EMEA`, `Americas`", why, StringComparison.Ordinal);
        Assert.Empty(_election.Tally().Nominees);
    }

    [Fact]
    public void A_login_without_its_at_is_answered_with_did_you_mean_and_records_nothing()
    {
        _election.Policy = Policy.Default with { Elections = Policy.Default.Elections with { SelfNomination = false } };
        var bare = _election.Comment("member-mia", "/nominate newbie");
        var region = _election.Comment("member-mia", "/nominate @member-amy emea");

        Assert.StartsWith("did you mean `@newbie`? A nominee is named with `@`: `/nominate @newbie`.", _election.RefusalOf(bare), StringComparison.Ordinal);
        _election.AssertApplied(region);
        Assert.Equal(["member-amy"], _election.Tally().Nominees.Select(r => r.Nominee));
    }

    [Fact]
    public void A_nominee_without_a_region_must_be_given_one()
    {
        var refused = _election.Comment("member-mia", "/nominate @member-noregion");
        Assert.Contains("the roster gives @member-noregion no region", _election.RefusalOf(refused), StringComparison.Ordinal);
        Assert.Contains("`/nominate @member-noregion REGION`", _election.RefusalOf(refused), StringComparison.Ordinal);

        var fixedUp = _election.Comment("member-mia", "/nominate @member-noregion APAC");
        _election.AssertApplied(fixedUp);
        Assert.Equal("APAC", _election.Row("member-noregion").Nomination.Region);
    }

    [Fact]
    public void Someone_without_a_candidate_role_cannot_stand_whoever_nominates_them()
    {
        var byOther = _election.Comment("member-mia", "/nominate @random-rita EMEA");
        var bySelf = _election.Comment("random-rita", "/nominate EMEA");

        Assert.Contains("@random-rita cannot stand", _election.RefusalOf(byOther), StringComparison.Ordinal);
        Assert.Contains("`member`, `tech_lead`, `chair`", _election.RefusalOf(byOther), StringComparison.Ordinal);
        Assert.Contains("you cannot stand", _election.RefusalOf(bySelf), StringComparison.Ordinal);
        Assert.Contains("no role", _election.RefusalOf(bySelf), StringComparison.Ordinal);
    }

    [Fact]
    public void Candidates_anyone_lets_everyone_stand_and_anyone_may_nominate()
    {
        _election.Policy = Policy.Default with { Elections = Policy.Default.Elections with { Candidates = ["anyone"] } };
        var id = _election.Comment("random-rita", "/nominate @random-raj EMEA");

        _election.AssertApplied(id);
        Assert.Equal("random-rita", _election.Row("random-raj").Nomination.NominatedBy);
    }

    [Fact]
    public void A_second_nomination_is_refused_saying_by_whom()
    {
        _election.Comment("member-mia", "/nominate @member-amy");
        var again = _election.Comment("lead-lee", "/nominate @MEMBER-AMY");
        var self = _election.Comment("member-amy", "/nominate");

        Assert.Contains("@member-amy is already nominated, by @member-mia", _election.RefusalOf(again), StringComparison.Ordinal);
        Assert.Contains("#issuecomment-", _election.RefusalOf(again), StringComparison.Ordinal);
        Assert.Contains("To stand, comment `/accept`", _election.RefusalOf(self), StringComparison.Ordinal);
    }

    [Fact]
    public void A_holder_whose_seat_is_not_up_cannot_be_nominated()
    {
        var id = _election.Comment("member-mia", "/nominate @lead-lee");

        Assert.Contains("@lead-lee already holds `tech_lead` until 2027-03-01, past the next election (2026-09-02)",
            _election.RefusalOf(id), StringComparison.Ordinal);
    }

    [Fact]
    public void An_incumbent_whose_seat_is_up_stands_like_anyone_else()
    {
        var id = _election.Comment("lead-old", "/nominate");

        _election.AssertApplied(id);
        Assert.True(_election.Row("lead-old").Nomination.Incumbent);
        Assert.Contains("@lead-old (incumbent)", _election.Status(), StringComparison.Ordinal);
    }

    [Fact]
    public void Max_consecutive_terms_counts_emeritus_and_current_terms()
    {
        var role = Policy.Default.Roles["tech_lead"];
        _election.Policy = Policy.Default with
        {
            Roles = new Dictionary<string, RolePolicy> { ["chair"] = RolePolicy.Template, ["tech_lead"] = role with { MaxConsecutiveTerms = 2 } },
        };
        var oldTimer = _election.Comment("lead-old", "/nominate");
        var firstRun = _election.Comment("lead-ema", "/nominate");

        Assert.Contains("served 2 consecutive terms as `tech_lead` (2022-03-01 to 2026-03-01) and `max_consecutive_terms` is 2",
            _election.RefusalOf(oldTimer), StringComparison.Ordinal);
        _election.AssertApplied(firstRun);
    }

    [Fact]
    public void Supporting_someone_not_nominated_is_refused_and_records_nothing()
    {
        _election.Comment("member-mia", "/nominate");
        var id = _election.Comment("lead-lee", "/support @member-mia @member-amy");

        var why = _election.RefusalOf(id);
        Assert.Contains("@member-amy is not nominated (nominees: @member-mia)", why, StringComparison.Ordinal);
        Assert.Contains("Nothing from this line was recorded", why, StringComparison.Ordinal);
        Assert.Empty(_election.Tally().Positions);
    }

    [Fact]
    public void A_nominee_cannot_support_or_object_to_themself()
    {
        _election.Comment("member-mia", "/nominate");
        var support = _election.Comment("member-mia", "/support @member-mia");
        var objection = _election.Comment("member-mia", "/object @member-mia I am busy");

        Assert.Contains("you cannot support yourself", _election.RefusalOf(support), StringComparison.Ordinal);
        Assert.Contains("comment `/decline`", _election.RefusalOf(objection), StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_voting_lets_a_voter_support_several_nominees_and_outsiders_count_as_non_binding()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("member-amy", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia @member-amy");
        _election.Comment("random-rita", "/support @member-mia");

        var tally = _election.Tally();
        Assert.Equal(3, tally.Positions.Count);
        Assert.Equal((1, 1), (_election.Row("member-mia").BindingSupports, _election.Row("member-mia").NonBindingSupports));
        Assert.Equal(1, _election.Row("member-amy").BindingSupports);
        Assert.False(tally.Positions.Single(p => p.Voter == "random-rita").Binding);
    }

    [Fact]
    public void The_latest_command_per_voter_and_nominee_wins()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("member-amy", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia @member-amy");
        _election.Comment("lead-lee", "/object @member-mia missed every meeting");

        Assert.Equal((0, 1), (_election.Row("member-mia").BindingSupports, _election.Row("member-mia").BindingObjections));
        Assert.Equal(1, _election.Row("member-amy").BindingSupports);
        var objection = _election.Tally().Positions.Single(p => p.Stance == Stance.Object);
        Assert.Equal("missed every meeting", objection.Reason);
    }

    [Fact]
    public void A_withdrawn_position_is_listed_and_withdrawing_nothing_is_refused()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        var withdrawal = _election.Comment("lead-lee", "/withdraw @member-mia");
        var nothing = _election.Comment("lead-lee", "/withdraw @member-mia");

        Assert.Empty(_election.Tally().Positions);
        var uncounted = Assert.Single(_election.Tally().Uncounted);
        Assert.Equal(("lead-lee", "support of @member-mia", "withdrawn", withdrawal),
            (uncounted.Login, uncounted.What, uncounted.Why, uncounted.Source.Id));
        Assert.Contains("you have no support or objection on @member-mia to withdraw", _election.RefusalOf(nothing), StringComparison.Ordinal);
    }

    [Fact]
    public void Objections_are_recorded_but_veto_only_when_the_policy_says_so()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        _election.Comment("lead-eve", "/object @member-mia not active");
        _election.Comment("random-rita", "/object @member-mia me neither");

        Assert.True(_election.Row("member-mia").Electable);
        Assert.Equal((1, 1), (_election.Row("member-mia").BindingObjections, _election.Row("member-mia").NonBindingObjections));

        _election.Policy = Policy.Default with { Elections = Policy.Default.Elections with { ObjectionsVeto = true } };
        Assert.Equal(["vetoed by a binding objection (@lead-eve)"], _election.Row("member-mia").Missing);
    }

    [Fact]
    public void Editing_or_deleting_a_comment_before_the_close_changes_the_tally()
    {
        _election.Comment("member-mia", "/nominate");
        var support = _election.Comment("lead-lee", "/support @member-mia");
        Assert.True(_election.Row("member-mia").Electable);

        _election.Edit(support, "On second thought, no.");
        Assert.False(_election.Row("member-mia").Electable);

        _election.Edit(support, "/support @member-mia");
        _election.Delete(support);
        Assert.False(_election.Row("member-mia").Electable);
    }

    [Fact]
    public void Bot_comments_never_count()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("other-bot[bot]", "/support @member-mia");

        Assert.Empty(_election.Tally().Positions);
    }

    [Fact]
    public void Proposal_commands_on_an_election_are_refused_as_misplaced()
    {
        var id = _election.Comment("chair-carla", "/decide accept");

        Assert.Contains("belongs to proposals", _election.RefusalOf(id), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_gets_feedback()
    {
        var good = _election.Comment("member-mia", "/nominate");
        var bad = _election.Comment("lead-lee", "/support @nobody");

        var (reactions, replies) = Feedback.For(_election.Tally().Verdicts);
        Assert.Contains(new Reaction(good, ReactionKind.ThumbsUp), reactions);
        Assert.Contains(new Reaction(bad, ReactionKind.Confused), reactions);
        Assert.Equal(bad, Assert.Single(replies).CommentId);
    }

    [Fact]
    public void A_lead_triages_an_outsider_cannot_and_removing_the_label_counts_once_seen()
    {
        Assert.False(_election.Tally().Triage.Done);
        var outsider = _election.Comment("random-rita", "/triage");
        Assert.Contains("can triage", _election.RefusalOf(outsider), StringComparison.Ordinal);

        _election.Labels.Add("triage-required");
        _election.SeenByTagBot();
        Assert.False(_election.Tally().Triage.Done);
        _election.Labels.Remove("triage-required");
        Assert.True(_election.Tally().Triage.Done);

        _election.Comment("lead-lee", "/triage");
        Assert.Equal("lead-lee", _election.Tally().Triage.By);
    }
}
