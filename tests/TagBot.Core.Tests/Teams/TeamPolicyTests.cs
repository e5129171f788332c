using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Teams;
using static TagBot.Core.Tests.Policies.PolicyAssert;

namespace TagBot.Core.Tests.Teams;

/// <summary>
/// <c>team:ORG/SLUG</c> beside roster roles in <c>voters</c>, <c>chairs</c> and <c>elections.candidates</c>: the loader keeps
/// a valid entry (in lower case, as GitHub compares them), names file, line and key of a bad one, and the authority
/// counts a team's members, and nobody from a team that could not be read.
/// </summary>
public sealed class TeamPolicyTests
{
    private const string Yaml = """
        voters: [chair, team:CNCF/TOC]
        chairs: [chair, team:cncf/officers]
        elections:
          candidates: [member, team:cncf/candidates]
        """;

    [Fact]
    public void Team_entries_load_beside_roles_in_lower_case()
    {
        var result = PolicyLoader.Load(Yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(["chair", "team:cncf/toc"], result.Policy!.Voters);
        Assert.Equal(["team:cncf/toc", "team:cncf/officers", "team:cncf/candidates"], PolicyTeams.Of(result.Policy).Select(t => t.Entry));
        Assert.Equal("`voters`", PolicyTeams.KeysNaming(result.Policy, new TeamName("cncf", "toc")));
    }

    [Theory]
    [InlineData("voters: [chair, team:cncf]\n", 1, "voters[1]", "write team:ORG/SLUG")]
    [InlineData("chairs:\n  - chair\n  - team:cncf/\n", 3, "chairs[1]", "write team:ORG/SLUG")]
    [InlineData("elections:\n  candidates: [member, team:-bad/toc]\n", 2, "elections.candidates[1]", "'-bad' is not a GitHub organization name")]
    [InlineData("voters: [team:cncf/toc team]\n", 1, "voters[0]", "is not a team slug")]
    [InlineData("elections:\n  schedule:\n    roles: [team:cncf/toc]\n", 3, "elections.schedule.roles[0]", "only roles under roles")]
    public void A_bad_team_entry_names_its_line_and_key(string yaml, int line, string key, string message)
    {
        var error = SingleError(yaml, line, key, message);

        Assert.Equal(PolicyLoader.DefaultFileName, error.File);
    }

    [Fact]
    public void Team_members_vote_chair_and_stand_and_nobody_counts_through_a_team_that_could_not_be_read()
    {
        var policy = PolicyLoader.Load(Yaml).Policy!;
        var teams = new TeamMembers(
            new Dictionary<string, IReadOnlyList<string>> { ["team:cncf/toc"] = ["Toc-Tara"], ["team:cncf/candidates"] = ["cand-cody"] },
            new Dictionary<string, string> { ["team:cncf/officers"] = "GitHub answers 404" });
        var authority = new Authority(policy, Roster.Empty, teams: teams);

        Assert.True(authority.IsVoter("toc-tara"));
        Assert.False(authority.IsVoter("cand-cody"));
        Assert.True(authority.MayStand("cand-cody"));
        Assert.False(authority.IsChair("toc-tara"));
        Assert.Equal(["team:cncf/officers"], authority.UnreadableTeams);
        Assert.Equal(1, Core.Elections.Electorate.Of(authority).People);
        Assert.Contains("`team:cncf/officers` cannot be read", Core.Elections.Electorate.Of(authority).Problem, StringComparison.Ordinal);
        Assert.False(new Authority(policy, Roster.Empty).IsVoter("toc-tara"));
    }
}
