using TagBot.Core.Policies;
using TagBot.Core.Policies.Rules;

namespace TagBot.Core.Tests.Policies.Rules;

public sealed class LabelRulesTests
{
    [Fact]
    public void The_default_labels_are_distinct() =>
        Assert.Empty(LabelRules.LabelsAreDistinct(Policy.Default));

    [Fact]
    public void Proposals_and_elections_need_different_labels()
    {
        var policy = Policy.Default with { Elections = Policy.Default.Elections with { Label = "Proposal" } };

        var violation = Assert.Single(LabelRules.LabelsAreDistinct(policy));

        Assert.Equal("elections.label", violation.Key);
        Assert.Equal(["elections.label", "proposals.label"], violation.At);
        Assert.StartsWith("'Proposal' is also proposals.label", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_managed_label_named_like_an_earlier_one_is_reported_case_insensitively()
    {
        var policy = Policy.Default with { Labels = LabelNames.Default with { Blocked = "Status/Discussion" } };

        var violation = Assert.Single(LabelRules.LabelsAreDistinct(policy));

        Assert.Equal("labels.blocked", violation.Key);
        Assert.Equal(["labels.blocked", "labels.discussion", "labels"], violation.At);
        Assert.StartsWith("'Status/Discussion' is also used for labels.discussion", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_managed_label_may_not_take_the_proposal_label()
    {
        var policy = Policy.Default with { Labels = LabelNames.Default with { Accepted = "proposal" } };

        var violation = Assert.Single(LabelRules.LabelsAreDistinct(policy));

        Assert.Equal("labels.accepted", violation.Key);
        Assert.Contains("also used for proposals.label", violation.Message, StringComparison.Ordinal);
    }
}
