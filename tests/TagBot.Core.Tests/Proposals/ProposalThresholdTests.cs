using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Proposals;

/// <summary>Support as a share, quorum, and TagBot deciding once the outcome is settled; the electorate is the scenario's 4 voters.</summary>
public sealed class ProposalThresholdTests
{
    private readonly ProposalScenario _proposal = new();

    private ProposalPolicy Rules
    {
        set => _proposal.Policy = _proposal.Policy with { Proposals = value };
    }

    private static ProposalPolicy Share(string text, int minDays = 0)
    {
        Assert.True(SupportShare.TryParse(text, out var share));
        return ProposalPolicy.Default with { SupportShare = share, MinDiscussionDays = minDays, ObjectionsBlock = false };
    }

    [Fact]
    public void Two_thirds_of_the_binding_positions_cast_counts_supports_against_supports_and_objections()
    {
        Rules = Share("2/3");
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("member-mia", "/support");
        _proposal.Comment("Member-Max", "/object too soon");

        Assert.Contains("status/consensus", _proposal.Decide().Labels);

        _proposal.Comment("chair-carla", "/object no");

        var desired = _proposal.Decide();
        Assert.Contains("status/discussion", desired.Labels);
        Assert.Contains("1 more binding support", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_of_the_electorate_counts_everyone_whether_they_took_part_or_not()
    {
        Rules = Share("1/2 of electorate");
        _proposal.Comment("lead-lee", "/support");

        Assert.Contains("status/discussion", _proposal.Decide().Labels);

        _proposal.Comment("member-mia", "/support");
        Assert.Contains("status/consensus", _proposal.Decide().Labels);
    }

    [Fact]
    public void Below_quorum_there_is_no_consensus_and_the_status_says_how_far()
    {
        Rules = ProposalPolicy.Default with { SupportRequired = 1, MinDiscussionDays = 0, Quorum = new Fraction(3, 4) };
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("member-mia", "/support");

        var desired = _proposal.Decide();

        Assert.Contains("status/discussion", desired.Labels);
        Assert.Contains("a quorum: 2 of 4 voters took part, 3 needed", desired.StatusComment, StringComparison.Ordinal);
    }

    [Fact]
    public void With_close_when_decided_TagBot_accepts_once_the_remaining_voters_could_not_change_it()
    {
        Rules = ProposalPolicy.Default with { SupportRequired = 2, MinDiscussionDays = 0, ObjectionsBlock = false, CloseWhenDecided = true };
        _proposal.Comment("lead-lee", "/support");

        Assert.Null(_proposal.Decide().Close);

        _proposal.Comment("member-mia", "/support");
        var late = _proposal.Comment("Member-Max", "/withdraw", daysAfterOpening: 2);

        var desired = _proposal.Decide();
        Assert.Contains("status/accepted", desired.Labels);
        Assert.True(desired.Close is { Completed: true });
        Assert.Contains("Decided** by TagBot", desired.StatusComment, StringComparison.Ordinal);
        Assert.Contains("even if the 2 who have not taken part all objected", desired.StatusComment, StringComparison.Ordinal);
        Assert.Contains(desired.Replies, r => r.CommentId == late);
    }

    [Fact]
    public void With_close_when_decided_TagBot_rejects_once_consensus_is_out_of_reach()
    {
        Rules = Share("3/4 of electorate") with { CloseWhenDecided = true };
        _proposal.Comment("lead-lee", "/object no");
        _proposal.Comment("member-mia", "/object no");

        var desired = _proposal.Decide();

        Assert.Contains("status/rejected", desired.Labels);
        Assert.True(desired.Close is { Completed: false });
    }

    [Fact]
    public void Without_close_when_decided_a_settled_proposal_waits_for_a_chair()
    {
        Rules = ProposalPolicy.Default with { SupportRequired = 2, MinDiscussionDays = 0, ObjectionsBlock = false };
        _proposal.Comment("lead-lee", "/support");
        _proposal.Comment("member-mia", "/support");

        Assert.Null(_proposal.Decide().Close);
    }

    [Theory]
    [InlineData("proposals:\n  support_required: 2/3\n", "2/3 of cast")]
    [InlineData("proposals:\n  support_required: 1/2 of electorate\n", "1/2 of electorate")]
    [InlineData("proposals:\n  support_required: 3\n", "3")]
    public void The_loader_reads_support_required_as_a_count_or_a_share(string yaml, string expected)
    {
        var result = PolicyLoader.Load(yaml, ".github/tagbot.yml");

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Policy!.Proposals.SupportShare?.ToString() ?? result.Policy.Proposals.SupportRequired.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_share_of_something_else_is_a_located_error()
    {
        var error = Assert.Single(PolicyLoader.Load("proposals:\n  support_required: 2/3 of everyone\n", ".github/tagbot.yml").Errors);

        Assert.Equal(2, error.Line);
        Assert.Contains("1/2 of electorate", error.Message, StringComparison.Ordinal);
    }
}
