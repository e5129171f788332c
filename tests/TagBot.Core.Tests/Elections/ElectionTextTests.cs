using TagBot.Core.Elections;
using TagBot.Core.Policies;
using TagBot.Core.Status;

namespace TagBot.Core.Tests.Elections;

public sealed class ElectionTextTests
{
    private static readonly DateTimeOffset CloseAt = new(2026, 3, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly ElectionScenario _election = new();

    private void Contest()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("member-max", "/nominate");
        _election.Comment("member-kai", "/nominate");
        _election.Comment("lead-lee", "/nominate @lead-old");
        _election.Comment("lead-lee", "/support @member-mia @member-max @member-kai");
        _election.Comment("random-rita", "/support @member-mia");
        _election.Comment("lead-eve", "/object @member-mia not | *active*");
    }

    private static void AssertLabels(IReadOnlySet<string> labels, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), labels.Order(StringComparer.Ordinal));

    [Fact]
    public void The_status_of_a_new_election_shows_role_seats_up_electorate_and_what_is_missing()
    {
        var status = _election.Status();

        Assert.StartsWith(Markers.Status + "\n## Election: open (`tech_lead`)\n", status, StringComparison.Ordinal);
        Assert.Contains("**Role:** `tech_lead`, 24-month terms.", status, StringComparison.Ordinal);
        Assert.Contains("the next election is due 2026-09-02", status, StringComparison.Ordinal);
        Assert.Contains("| APAC | 2 | 1 | 1 | — |\n| EMEA | 2 | 1 | 1 | — |\n| Americas | 2 | 0 | 2 | — |", status, StringComparison.Ordinal);
        Assert.Contains("**Up for re-election:** @lead-old (APAC, term ends 2026-03-01), @lead-ema (EMEA, term ends 2026-09-01).", status, StringComparison.Ordinal);
        Assert.Contains("holders of `chair`, `tech_lead`, `member` in `governance/roster.yaml` (11 people)", status, StringComparison.Ordinal);
        Assert.Contains("Nobody is nominated yet.", status, StringComparison.Ordinal);
        Assert.Contains("- nominations: comment `/nominate` to stand", status, StringComparison.Ordinal);
        Assert.Contains("- a chair to close the election with `/close-election`", status, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nominee_table_links_each_nomination_and_says_why_not_electable()
    {
        Contest();

        var status = _election.Status();

        Assert.Contains("| @member-mia | Americas | Globex | [@member-mia](https://github.com/o/r/issues/7#issuecomment-5000) | yes (self-nominated) | 1 / 1 | 1 / 0 | yes |",
            status, StringComparison.Ordinal);
        Assert.Contains("| @lead-old (incumbent) | APAC | Globex | [@lead-lee](https://github.com/o/r/issues/7#issuecomment-5003) | not yet | 0 / 0 | 0 / 0 | no: not accepted yet; needs 1 more binding support |",
            status, StringComparison.Ordinal);
        Assert.Contains("| @lead-eve | @member-mia | objection: not \\| \\*active\\* | yes | [comment](https://github.com/o/r/issues/7#issuecomment-5006) |",
            status, StringComparison.Ordinal);
        Assert.Contains("### If the election closed now", status, StringComparison.Ordinal);
        Assert.Contains("**Tie at the cut-off:** @member-max, @member-kai have 1 binding support each and compete for 1 seat.", status, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_lists_what_was_not_counted_and_why()
    {
        Contest();
        _election.CommentAt("chair-carla", "/close-election", CloseAt);
        var late = _election.CommentAt("member-amy", "/support @member-max", CloseAt.AddHours(1));

        var status = _election.Status();

        Assert.Contains($"| @member-amy | support of @member-max | after the close | [comment](https://github.com/o/r/issues/7#issuecomment-{late}) |",
            status, StringComparison.Ordinal);
        Assert.Contains("## Election: tied (`tech_lead`), waiting for `/break-tie`", status, StringComparison.Ordinal);
    }

    [Fact]
    public void The_result_comment_is_null_while_open_and_identical_when_rendered_again()
    {
        Contest();
        Assert.Null(ElectionResult.Render(_election.Tally()));
        Assert.Null(ElectionResult.Key(_election.Tally()));

        var close = _election.CommentAt("chair-carla", "/close-election", CloseAt);
        var first = ElectionResult.Render(_election.Tally())!;
        _election.CommentAt("member-amy", "/nominate", CloseAt.AddHours(1));
        _election.SeenByTagBot();
        _election.PullRequest = RosterPullRequestState.Open;

        Assert.Equal(first, ElectionResult.Render(_election.Tally()));
        Assert.StartsWith(ElectionResult.Marker(close) + "\n## Election result: `tech_lead` — tied, waiting for `/break-tie`", first, StringComparison.Ordinal);
        Assert.True(ElectionResult.IsResult(first));
        Assert.Contains("**Seats up:** APAC 1, EMEA 1, Americas 2.", first, StringComparison.Ordinal);
        Assert.Contains("| @lead-lee | @member-kai | support | yes | [comment](https://github.com/o/r/issues/7#issuecomment-5004) |", first, StringComparison.Ordinal);
        Assert.DoesNotContain("(incumbent)", first, StringComparison.Ordinal);
    }

    [Fact]
    public void The_break_tie_posts_the_final_result_under_its_own_key()
    {
        Contest();
        _election.CommentAt("chair-carla", "/close-election", CloseAt);
        var pick = _election.CommentAt("chair-carla", "/break-tie @member-kai", CloseAt.AddDays(1));

        var tally = _election.Tally();
        var result = ElectionResult.Render(tally)!;

        Assert.Equal(pick, ElectionResult.Key(tally));
        Assert.StartsWith(ElectionResult.Marker(pick) + "\n## Election result: `tech_lead` — final", result, StringComparison.Ordinal);
        Assert.Contains("**Tie broken** by @chair-carla", result, StringComparison.Ordinal);
        Assert.Contains("| 1 | @member-kai | APAC | Acme | 1 | 2026-03-21 – 2028-03-21 |", result, StringComparison.Ordinal);
        Assert.Contains("| @member-max | 1 | the 1 seat up in APAC is filled (a chair's `/break-tie` picked @member-kai) |", result, StringComparison.Ordinal);
        Assert.Contains("New terms start 2026-03-21", result, StringComparison.Ordinal);
    }

    [Fact]
    public void The_elected_are_numbered_by_seat_even_when_a_better_supported_nominee_gives_way()
    {
        // member-kai has more support than member-mia but APAC's one seat goes to member-max:
        // by support across all nominees the elected would be ranked 1 and 3.
        _election.Comment("member-max", "/nominate");
        _election.Comment("member-kai", "/nominate");
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-max @member-kai @member-mia");
        _election.Comment("lead-eve", "/support @member-max @member-kai");
        _election.Comment("chair-carla", "/support @member-max");

        var status = _election.Status();

        Assert.Contains("**Elected:**\n\n| Seat | Nominee | Region | Company | Binding supports | Note |\n|---|---|---|---|---|---|\n"
            + "| 1 | @member-max | APAC | Initech | 3 | — |\n"
            + "| 2 | @member-mia | Americas | Globex | 1 | — |\n", status, StringComparison.Ordinal);
        Assert.Contains("| @member-kai | 2 | the 1 seat up in APAC is filled |", status, StringComparison.Ordinal);
    }

    [Fact]
    public void The_closed_status_shows_the_roster_change_and_the_pull_request()
    {
        _election.Comment("member-mia", "/nominate");
        _election.Comment("lead-lee", "/support @member-mia");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);
        _election.PullRequest = RosterPullRequestState.Open;

        var status = _election.Status();

        Assert.Contains("## Election: closed (`tech_lead`)", status, StringComparison.Ordinal);
        Assert.Contains("**Roster change:** terms start 2026-03-20", status, StringComparison.Ordinal);
        Assert.Contains("Moving to emeritus: @lead-old (term ended 2026-03-01).", status, StringComparison.Ordinal);
        Assert.Contains("The roster pull request is open for review.", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Still missing", status, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_follow_the_stage_triage_and_the_roster_pull_request()
    {
        AssertLabels(_election.DesiredLabels(), "election/open", "triage-required");

        _election.Comment("lead-lee", "/triage");
        AssertLabels(_election.DesiredLabels(), "election/open");

        _election.Comment("member-max", "/nominate");
        _election.Comment("member-kai", "/nominate");
        _election.Comment("lead-lee", "/support @member-max @member-kai");
        _election.CommentAt("chair-carla", "/close-election", CloseAt);
        _election.PullRequest = RosterPullRequestState.Open;
        AssertLabels(_election.DesiredLabels(), "election/closed", "election/tie");

        _election.CommentAt("chair-carla", "/break-tie @member-max", CloseAt.AddHours(1));
        AssertLabels(_election.DesiredLabels(), "election/closed", "roster/pr-open");

        _election.PullRequest = RosterPullRequestState.Merged;
        AssertLabels(_election.DesiredLabels(), "election/closed", "roster/updated");

        _election.PullRequest = RosterPullRequestState.ClosedUnmerged;
        AssertLabels(_election.DesiredLabels(), "election/closed");
    }

    [Fact]
    public void The_close_makes_triage_unnecessary()
    {
        _election.Comment("chair-carla", "/close-election");

        Assert.DoesNotContain("triage-required", _election.DesiredLabels());
        Assert.Contains("not needed after the close", _election.Status(), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_use_the_policys_names_and_the_managed_set_covers_them_all()
    {
        var labels = LabelNames.Default with { ElectionOpen = "vote/open", Triage = "needs-triage" };
        _election.Policy = Policy.Default with { Labels = labels };

        AssertLabels(ElectionLabels.Desired(_election.Tally(), labels), "vote/open", "needs-triage");
        AssertLabels(ElectionLabels.Managed(labels),
            "needs-triage", "vote/open", "election/tie", "election/closed", "roster/pr-open", "roster/updated");
    }
}
