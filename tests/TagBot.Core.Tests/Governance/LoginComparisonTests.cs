using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Commands;
using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Proposals;
using TagBot.Core.Rosters;
using TagBot.Core.Tests.Elections;
using TagBot.Core.Tests.Proposals;

namespace TagBot.Core.Tests.Governance;

/// <summary>
/// Logins compare case-insensitively everywhere (<c>CHAIR-CARLA</c> is the chair) and exactly
/// otherwise: <c>chair-cаrla</c> with a Cyrillic <c>а</c> is nobody, and an @mention of one is not
/// a login at all, since GitHub logins are ASCII.
/// </summary>
public sealed class LoginComparisonTests
{
    private static readonly Roster ProposalRoster = RosterReader.Read(ProposalScenario.RosterYaml, "governance/roster.yaml").Roster!;

    public static TheoryData<string> ChairLookAlikes() => [.. LookAlikes.Of("chair-carla")];

    [Theory]
    [MemberData(nameof(ChairLookAlikes))]
    public void A_look_alike_of_the_chair_has_no_role_and_no_chair_powers(string impostor)
    {
        var proposal = new ProposalScenario();
        var decide = proposal.Comment(impostor, "/decide accept");
        var triage = proposal.Comment(impostor, "/triage");
        var support = proposal.Comment(impostor, "/support");

        var desired = proposal.Decide();
        var tally = ProposalEngine.Tally(new Authority(proposal.Policy, proposal.Roster), proposal.Issue, false, ProposalScenario.Opened.AddDays(8), () => "");

        Assert.Contains(desired.Replies, r => r.CommentId == decide && r.Body.Contains("only chairs", StringComparison.Ordinal));
        Assert.Contains(desired.Replies, r => r.CommentId == triage && r.Body.Contains("only chairs and leads", StringComparison.Ordinal));
        Assert.Null(desired.Close);
        Assert.Contains(desired.Reactions, r => r.CommentId == support && r.Kind == ReactionKind.ThumbsUp);
        Assert.False(Assert.Single(tally.Positions).Binding);
        Assert.Equal("no role", new Authority(Policy.Default, ProposalRoster).RolesOf(impostor));
    }

    [Theory]
    [MemberData(nameof(ChairLookAlikes))]
    public void A_look_alike_of_the_chair_cannot_close_an_election(string impostor)
    {
        var election = new ElectionScenario();
        election.Comment("member-mia", "/nominate");
        var close = election.Comment(impostor, "/close-election");

        Assert.Contains("only chairs", election.RefusalOf(close), StringComparison.Ordinal);
        Assert.Equal(TagBot.Core.Elections.ElectionStage.Open, election.Tally().Stage);
    }

    [Theory]
    [InlineData("CHAIR-CARLA")]
    [InlineData("Chair-Carla")]
    [InlineData("cHaIr-CaRlA")]
    public void The_chair_in_any_case_is_the_chair(string chair)
    {
        var proposal = new ProposalScenario();
        proposal.Comment("LEAD-LEE", "/support");
        proposal.Comment("member-MIA", "/support");
        var decide = proposal.Comment(chair, "/decide accept agreed");

        var desired = proposal.Decide();

        Assert.Contains(desired.Reactions, r => r.CommentId == decide && r.Kind == ReactionKind.ThumbsUp);
        Assert.NotNull(desired.Close);
        Assert.Contains("status/accepted", desired.Labels);
        var tally = ProposalEngine.Tally(new Authority(proposal.Policy, proposal.Roster), proposal.Issue, false, ProposalScenario.Opened.AddDays(8), () => "");
        Assert.All(tally.Positions, p => Assert.True(p.Binding, $"{p.Login} is a voter"));
    }

    [Fact]
    public void A_person_in_another_case_keeps_one_position_not_two()
    {
        var proposal = new ProposalScenario();
        proposal.Comment("lead-lee", "/support");
        proposal.Comment("LEAD-LEE", "/object on second thought, no");

        var tally = ProposalEngine.Tally(new Authority(proposal.Policy, proposal.Roster), proposal.Issue, false, ProposalScenario.Opened.AddDays(8), () => "");

        Assert.Equal(Stance.Object, Assert.Single(tally.Positions).Stance);
    }

    public static TheoryData<string> MentionsOfLookAlikes() =>
    [
        "/nominate @member-m\u0456a",
        "/nominate @m\u0435mber-mia APAC",
        "/support @member-max @member-k\u0430i",
        "/object @member-m\u0430x not active",
        "/withdraw @member\u2011max",
        "/break-tie @member-max\u200B",
        "/support @\uFF4Dember-max",
    ];

    [Theory]
    [MemberData(nameof(MentionsOfLookAlikes))]
    public void An_at_mention_of_a_look_alike_is_refused_as_no_GitHub_login(string line)
    {
        var election = new ElectionScenario();
        election.Comment("member-max", "/nominate");
        election.Comment("member-kai", "/nominate");
        election.Comment("lead-eve", "/support @member-max @member-kai");
        election.Comment("chair-carla", "/close-election", 2);
        var id = election.Comment(line.StartsWith("/break-tie", StringComparison.Ordinal) ? "chair-carla" : "lead-lee", line, 3);

        var refusal = election.RefusalOf(id);

        Assert.Contains("is not a valid GitHub login", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_name_nominees_in_any_case()
    {
        var election = new ElectionScenario();
        election.Comment("member-max", "/nominate");
        election.Comment("member-kai", "/nominate");
        election.Comment("chair-carla", "/nominate @MEMBER-AMY");
        var support = election.Comment("lead-eve", "/support @Member-Max @MEMBER-KAI @member-amy");
        var accept = election.Comment("Member-Amy", "/accept");
        var withdraw = election.Comment("LEAD-EVE", "/withdraw @MEMBER-AMY");
        var close = election.Comment("Chair-Carla", "/close-election", 2);
        var breakTie = election.Comment("CHAIR-CARLA", "/break-tie @MeMbEr-MaX", 3);

        foreach (var id in new[] { support, accept, withdraw, close, breakTie })
        {
            election.AssertApplied(id);
        }

        Assert.Equal(1, election.Row("member-max").BindingSupports);
        Assert.Equal(0, election.Row("member-amy").BindingSupports);
        Assert.Equal(["member-max"], ElectionScenario.Elected(election.Tally().Outcome!.Allocation).Where(e => e.StartsWith("member-m", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_roster_listing_a_look_alike_is_refused_with_the_line()
    {
        var result = RosterReader.Read("roles:\n  chair:\n    - { github: chair-c\u0430rla }\n", "governance/roster.yaml");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains("not a GitHub login", StringComparison.Ordinal));
    }

    [Property(MaxTest = 300)]
    public Property No_look_alike_of_anyone_holds_a_role_but_every_casing_does() =>
        Prop.ForAll(
            Gen.Elements(ProposalRoster.Roles.Values.SelectMany(h => h).Select(h => h.GitHub).Distinct().ToArray())
                .SelectMany(login => Gen.Zip(LookAlikes.Gen(login), LookAlikes.CaseOf(login)).Select(pair => (login, pair.Item1, pair.Item2)))
                .ToArbitrary(),
            sample =>
            {
                var (login, impostor, cased) = sample;
                var authority = new Authority(Policy.Default, ProposalRoster);
                return (authority.RolesOf(impostor) == "no role" && !authority.IsVoter(impostor) && !authority.MayTriage(impostor)
                        && authority.RolesOf(cased) == authority.RolesOf(login) && authority.IsChair(cased) == authority.IsChair(login))
                    .Label($"{login} / {Escape(impostor)} / {cased}");
            });

    [Property(MaxTest = 300)]
    public Property Every_at_mention_holding_a_non_ASCII_character_is_refused() =>
        Prop.ForAll(
            Gen.Elements("member-max", "lead-lee", "chair-carla", "member-kai").SelectMany(LookAlikes.Gen).ToArbitrary(),
            Gen.Elements("/support @{0}", "/object @{0} no", "/withdraw @{0}", "/break-tie @{0}", "/nominate @{0}", "/nominate @{0} EMEA").ToArbitrary(),
            (impostor, template) =>
            {
                var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, impostor);
                var commands = CommandReader.Read(line, IssueKind.Election);
                return (commands is [MalformedCommand m] && m.Problem.Contains("not a valid GitHub login", StringComparison.Ordinal))
                    .Label($"{Escape(line)} → {string.Join(", ", commands)}");
            });

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
