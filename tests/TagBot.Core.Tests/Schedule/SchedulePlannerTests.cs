using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Schedule;

namespace TagBot.Core.Tests.Schedule;

/// <summary>
/// The schedule's rules with a controllable "now": tech leads (two elections a year, six-month
/// interval) alice until 2026-09-01, bob until 2026-11-01, carol until 2027-03-01; a 30-day lead and
/// 30-day reminders. The first election is due on 2026-08-02 (alice's term end minus 30 days).
/// </summary>
public sealed class SchedulePlannerTests
{
    private const string RosterText = """
        people:
          - { github: chair-carla, region: EMEA }
          - { github: alice, region: EMEA }
          - { github: bob, region: APAC }
          - { github: carol, region: Americas }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
          tech_lead:
            - { github: alice, term: { start: 2024-09-01, end: 2026-09-01 } }
            - { github: bob, term: { start: 2024-11-01, end: 2026-11-01 } }
            - { github: carol, term: { start: 2025-03-01, end: 2027-03-01 } }
        emeritus: []
        """;

    private static readonly Policy Enabled = Policy.Default with
    {
        Elections = Policy.Default.Elections with { Schedule = new SchedulePolicy(Enabled: true) },
    };

    private static DateTimeOffset At(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static ScheduleInput Input(DateTimeOffset now, IReadOnlyList<ElectionIssue>? elections = null, Policy? policy = null, string roster = RosterText)
    {
        policy ??= Enabled;
        var read = RosterReader.Read(roster, policy.Roster.Path, policy.Regions);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        return new ScheduleInput(policy, read.Roster!, roster, elections ?? [], now);
    }

    private static SchedulePlan Plan(ScheduleInput input, ScheduleFacts? facts = null) => SchedulePlanner.Plan(input, facts ?? ScheduleFacts.None);

    /// <summary>The issue TagBot opens for <paramref name="election"/>, as GitHub then lists it.</summary>
    private static ElectionIssue Opened(ScheduledElection election, int number, DateTimeOffset at, bool open = true) =>
        new(number, election.Title, election.Body, at, open, $"https://github.com/o/r/issues/{number}", ByTagBot: true);

    private static ScheduleFacts Comments(int issue, params string[] bodies) =>
        new(new Dictionary<int, IReadOnlyList<string>> { [issue] = bodies }, null);

    private static ScheduleFacts Pulls(params OwnPullRequest[] pulls) => new(new Dictionary<int, IReadOnlyList<string>>(), pulls);

    // ---- elections ----------------------------------------------------------------------------

    [Fact]
    public void Nothing_is_due_before_the_lead_time()
    {
        var input = Input(At(2026, 8, 1, 23));

        Assert.True(Plan(input).IsEmpty);
        Assert.True(SchedulePlanner.Ask(input).None);
    }

    [Fact]
    public void The_election_opens_lead_days_before_the_first_term_end_with_seats_timeline_and_marker()
    {
        var plan = Plan(Input(At(2026, 8, 2, 0)));

        var election = Assert.Single(plan.Elections);
        Assert.Equal(("tech_lead", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 1)), (election.Role, election.TermEnd, election.CloseOn));
        Assert.Equal(["nomination"], election.Labels);
        Assert.Equal("tech_lead election (terms ending 2026-09-01)", election.Title);
        Assert.StartsWith("<!-- tagbot:scheduled-election:tech_lead:2026-09-01 -->\nrole: tech_lead\n", election.Body, StringComparison.Ordinal);
        // Alice (EMEA) and bob (APAC) end before the next election (2027-02-02); carol continues.
        Assert.Contains("| APAC | 2 | 0 | 2 |", election.Body, StringComparison.Ordinal);
        Assert.Contains("| EMEA | 2 | 0 | 2 |", election.Body, StringComparison.Ordinal);
        Assert.Contains("| Americas | 2 | 1 | 1 |", election.Body, StringComparison.Ordinal);
        Assert.Contains("@alice (EMEA, 2026-09-01), @bob (APAC, 2026-11-01)", election.Body, StringComparison.Ordinal);
        Assert.Contains("**Now (2026-08-02): nominations and support are open.**", election.Body, StringComparison.Ordinal);
        Assert.Contains("**Suggested close: 2026-09-01.**", election.Body, StringComparison.Ordinal);
        Assert.Contains("run 24 months", election.Body, StringComparison.Ordinal);
        // Alice's reminder is due today, so the body is her reminder; bob's comes on 2026-10-02.
        Assert.Contains(ScheduleMarkers.ForReminder("tech_lead", "alice", new DateOnly(2026, 9, 1)), election.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("tagbot:term-reminder:tech_lead:bob", election.Body, StringComparison.Ordinal);
        Assert.Empty(plan.Reminders);
        Assert.Null(plan.Retirements);
    }

    [Fact]
    public void The_opened_election_is_read_back_as_its_role_and_is_not_opened_again()
    {
        var first = Assert.Single(Plan(Input(At(2026, 8, 2))).Elections);
        var issue = Opened(first, 7, At(2026, 8, 2));

        foreach (var now in new[] { At(2026, 8, 2, 13), At(2026, 8, 20), At(2026, 9, 15) })
        {
            var input = Input(now, [issue]);
            Assert.Empty(Plan(input).Elections);
            Assert.True(SchedulePlanner.Ask(input).None, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        // Closed (the result merged), it still covers the seats it filled.
        Assert.Empty(Plan(Input(At(2026, 8, 25), [issue with { IsOpen = false }])).Elections);
    }

    [Fact]
    public void An_election_a_chair_opened_by_hand_covers_the_seats_it_fills()
    {
        var byHand = new ElectionIssue(3, "Tech lead election", "Please nominate.", At(2026, 7, 20), true, "https://github.com/o/r/issues/3", ByTagBot: false);

        Assert.Empty(Plan(Input(At(2026, 8, 10), [byHand])).Elections);
    }

    [Fact]
    public void An_election_of_another_role_does_not_cover_and_a_human_cannot_fake_the_marker()
    {
        var chairElection = new ElectionIssue(3, "Chair election", "role: chair", At(2026, 7, 20), true, "u", ByTagBot: true);
        var faked = new ElectionIssue(4, "x", "<!-- tagbot:scheduled-election:tech_lead:2026-09-01 -->\nrole: tech_lead", At(2025, 1, 1), false, "u", ByTagBot: false);

        Assert.Single(Plan(Input(At(2026, 8, 10), [chairElection, faked])).Elections);
    }

    [Fact]
    public void The_next_election_is_due_for_the_first_term_the_last_one_did_not_cover()
    {
        // After the autumn election (opened 2026-08-02): alice and bob re-elected, carol's term is next.
        const string after = """
            people:
              - { github: alice, region: EMEA }
              - { github: bob, region: APAC }
              - { github: carol, region: Americas }
            roles:
              tech_lead:
                - { github: alice, term: { start: 2026-09-01, end: 2028-09-01 } }
                - { github: bob, term: { start: 2026-09-01, end: 2028-09-01 } }
                - { github: carol, term: { start: 2025-03-01, end: 2027-03-01 } }
            """;
        var autumn = new ElectionIssue(7, "t", "<!-- tagbot:scheduled-election:tech_lead:2026-09-01 -->\nrole: tech_lead", At(2026, 8, 2), false, "u", true);

        Assert.Empty(Plan(Input(At(2027, 1, 29), [autumn], roster: after)).Elections);
        var spring = Assert.Single(Plan(Input(At(2027, 1, 30), [autumn], roster: after)).Elections);
        Assert.Equal(new DateOnly(2027, 3, 1), spring.TermEnd);
        Assert.Contains(@"[\#7](u)", spring.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_late_it_opens_for_terms_already_ended_with_a_full_nomination_period_and_retires_nobody_yet()
    {
        var input = Input(At(2026, 12, 1));

        var plan = Plan(input);

        var election = Assert.Single(plan.Elections);
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)), (election.TermEnd, election.CloseOn));
        Assert.Null(plan.Retirements);
        Assert.False(SchedulePlanner.Ask(input).PullRequests);
    }

    [Fact]
    public void The_lead_never_reaches_back_more_than_one_election_interval()
    {
        var monthly = Enabled with
        {
            Roles = new Dictionary<string, RolePolicy>(Enabled.Roles) { ["tech_lead"] = Enabled.Roles["tech_lead"] with { ElectionsPerYear = 12 } },
            Elections = Enabled.Elections with { Schedule = new SchedulePolicy(Enabled: true, LeadDays: 60) },
        };

        Assert.Empty(Plan(Input(At(2026, 8, 1), policy: monthly)).Elections);
        Assert.Single(Plan(Input(At(2026, 8, 2), policy: monthly)).Elections);
    }

    [Fact]
    public void Only_the_scheduled_roles_are_scheduled()
    {
        var chairs = Enabled with { Elections = Enabled.Elections with { Schedule = new SchedulePolicy(Enabled: true, Roles: ["chair"]) } };

        Assert.True(Plan(Input(At(2026, 8, 2), policy: chairs)).IsEmpty);
        var election = Assert.Single(Plan(Input(At(2026, 12, 2), policy: chairs)).Elections);
        Assert.Equal(("chair", new DateOnly(2027, 1, 1)), (election.Role, election.TermEnd));
        Assert.Contains("\nrole: chair\n", election.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_by_default_nothing_is_planned_or_read()
    {
        var input = Input(At(2026, 12, 1), policy: Policy.Default);

        Assert.False(Policy.Default.Elections.Schedule.Enabled);
        Assert.True(Plan(input).IsEmpty);
        Assert.True(SchedulePlanner.Ask(input).None);
    }

    // ---- reminders ----------------------------------------------------------------------------

    [Fact]
    public void A_reminder_is_posted_once_on_the_open_election_that_fills_the_seat()
    {
        var election = Opened(Assert.Single(Plan(Input(At(2026, 8, 2))).Elections), 7, At(2026, 8, 2));

        Assert.True(SchedulePlanner.Ask(Input(At(2026, 10, 1), [election])).None);
        var input = Input(At(2026, 10, 2), [election]);
        Assert.Equal([7], SchedulePlanner.Ask(input).CommentsOf);

        var reminder = Assert.Single(Plan(input, Comments(7, "<!-- tagbot:status -->\n...")).Reminders);
        Assert.Equal(7, reminder.Issue);
        Assert.Equal([new EndingTerm("tech_lead", "bob", new DateOnly(2026, 11, 1))], reminder.Holders);
        Assert.StartsWith("<!-- tagbot:term-reminder:tech_lead:bob:2026-11-01 -->\n", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("@bob, your `tech_lead` term ends on **2026-11-01**", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("comment `/nominate` here", reminder.Body, StringComparison.Ordinal);

        // Posted: the next sweeps find it and post nothing.
        Assert.Empty(Plan(Input(At(2026, 10, 3), [election]), Comments(7, "<!-- tagbot:status -->", reminder.Body)).Reminders);
        // Without the comments read, nothing is posted blindly.
        Assert.Empty(Plan(input).Reminders);
    }

    [Fact]
    public void On_a_closed_election_the_reminder_says_the_holder_moves_to_emeritus_unless_re_elected()
    {
        var election = Opened(Assert.Single(Plan(Input(At(2026, 8, 2))).Elections), 7, At(2026, 8, 2), open: false);

        var reminder = Assert.Single(Plan(Input(At(2026, 10, 20), [election]), Comments(7)).Reminders);

        Assert.Contains("This election is over", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("`emeritus`", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void No_reminder_after_the_term_ended_or_with_reminder_days_zero()
    {
        var election = Opened(Assert.Single(Plan(Input(At(2026, 8, 2))).Elections), 7, At(2026, 8, 2));
        var silent = Enabled with { Elections = Enabled.Elections with { Schedule = new SchedulePolicy(Enabled: true, ReminderDays: 0) } };

        Assert.Empty(Plan(Input(At(2026, 11, 1), [election]), Comments(7)).Reminders);
        Assert.Empty(Plan(Input(At(2026, 10, 2), [election], policy: silent), Comments(7)).Reminders);
        Assert.DoesNotContain("tagbot:term-reminder", Assert.Single(Plan(Input(At(2026, 8, 2), policy: silent)).Elections).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void With_reminders_earlier_than_the_lead_the_reminder_waits_for_the_election_issue()
    {
        var early = Enabled with { Elections = Enabled.Elections with { Schedule = new SchedulePolicy(Enabled: true, LeadDays: 14, ReminderDays: 30) } };

        var waiting = Plan(Input(At(2026, 8, 2), policy: early));
        Assert.True(waiting.IsEmpty);
        Assert.Contains(waiting.Notes, n => n.Contains("@alice", StringComparison.Ordinal));

        var election = Assert.Single(Plan(Input(At(2026, 8, 18), policy: early)).Elections);
        Assert.Contains(ScheduleMarkers.ForReminder("tech_lead", "alice", new DateOnly(2026, 9, 1)), election.Body, StringComparison.Ordinal);
    }

    // ---- retirements --------------------------------------------------------------------------

    /// <summary>After the autumn election closed: alice re-elected, bob not (his term runs to 2026-11-01).</summary>
    private const string AfterAutumn = """
        people:
          - { github: chair-carla, region: EMEA }
          - { github: alice, region: EMEA }
          - { github: bob, region: APAC }
          - { github: carol, region: Americas }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
          tech_lead:
            - { github: alice, term: { start: 2026-09-01, end: 2028-09-01 } }
            - { github: bob, term: { start: 2024-11-01, end: 2026-11-01 } }
            - { github: carol, term: { start: 2025-03-01, end: 2027-03-01 } }
        emeritus: []
        """;

    private static ElectionIssue Autumn(bool open) =>
        new(7, "t", "<!-- tagbot:scheduled-election:tech_lead:2026-09-01 -->\nrole: tech_lead", At(2026, 8, 2), open, "https://github.com/o/r/issues/7", true);

    [Fact]
    public void A_holder_whose_term_ended_without_re_election_is_moved_to_emeritus_once()
    {
        Assert.False(SchedulePlanner.Ask(Input(At(2026, 10, 31), [Autumn(false)], roster: AfterAutumn)).PullRequests);
        var input = Input(At(2026, 11, 1), [Autumn(false)], roster: AfterAutumn);
        Assert.True(SchedulePlanner.Ask(input).PullRequests);

        var proposal = Plan(input, Pulls()).Retirements;

        Assert.NotNull(proposal);
        Assert.Equal(("tagbot/terms-2026-11-01", "governance/roster.yaml"), (proposal.Branch, proposal.Path));
        Assert.Equal(["chair-carla"], proposal.Reviewers);
        Assert.StartsWith("<!-- tagbot:retire:tech_lead:bob:2026-11-01 -->\n", proposal.Body, StringComparison.Ordinal);
        Assert.Contains("| @bob | `tech_lead` | 2024-11-01 – 2026-11-01 | [\\#7](https://github.com/o/r/issues/7) |", proposal.Body, StringComparison.Ordinal);
        var roster = RosterReader.Read(proposal.Text, "roster.yaml").Roster!;
        Assert.Equal(["alice", "carol"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal([new EmeritusEntry("bob", "tech_lead", new Term(new DateOnly(2024, 11, 1), new DateOnly(2026, 11, 1)))], roster.Emeritus);

        // Opened: open, merged or closed unmerged, it is not proposed again, today or later.
        foreach (var open in new[] { true, false })
        {
            var pull = new OwnPullRequest(12, proposal.Branch, open, proposal.Body);
            Assert.Null(Plan(input, Pulls(pull)).Retirements);
            Assert.Null(Plan(Input(At(2026, 12, 5), [Autumn(false)], roster: AfterAutumn), Pulls(pull)).Retirements);
        }
    }

    [Fact]
    public void No_retirement_while_the_election_filling_the_seat_is_open_or_unread()
    {
        var input = Input(At(2026, 11, 2), [Autumn(true)], roster: AfterAutumn);

        Assert.False(SchedulePlanner.Ask(input).PullRequests);
        Assert.Null(Plan(input, Pulls()).Retirements);
        Assert.Null(Plan(Input(At(2026, 11, 2), [Autumn(false)], roster: AfterAutumn)).Retirements);
    }

    [Fact]
    public void A_new_retirement_waits_while_another_retirement_pull_request_is_open()
    {
        var input = Input(At(2026, 11, 2), [Autumn(false)], roster: AfterAutumn);
        var other = new OwnPullRequest(10, "tagbot/terms-2026-10-01", IsOpen: true, "<!-- tagbot:retire:tech_lead:someone:2026-10-01 -->");
        var election = new OwnPullRequest(11, "tagbot/election-7", IsOpen: true, "");

        var plan = Plan(input, Pulls(other));

        Assert.Null(plan.Retirements);
        Assert.Contains(plan.Notes, n => n.Contains("#10", StringComparison.Ordinal));
        Assert.NotNull(Plan(input, Pulls(other with { IsOpen = false }, election)).Retirements);
    }
}
