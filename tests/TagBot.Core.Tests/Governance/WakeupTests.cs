using TagBot.Core.Governance;
using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Governance;

/// <summary>Whether an issue is worth reading in full: the one relevance test.</summary>
public class WakeupTests
{
    private static readonly Wakeup Comment = new(MentionsTagBot: false, LabelRemoved: false, Sweep: false);

    [Theory]
    [InlineData("proposal")]
    [InlineData("Nomination")]
    public void A_tracked_issue_is_always_read(string label) => Assert.True(Comment.Concerns(Policy.Default, [label, "area/x"]));

    [Fact]
    public void An_untracked_issue_is_read_only_when_TagBot_is_addressed_a_label_came_off_or_the_sweep_runs()
    {
        string[] labels = ["question"];

        Assert.False(Comment.Concerns(Policy.Default, labels));
        Assert.True((Comment with { MentionsTagBot = true }).Concerns(Policy.Default, labels));
        Assert.True((Comment with { LabelRemoved = true }).Concerns(Policy.Default, labels));
        Assert.True((Comment with { Sweep = true }).Concerns(Policy.Default, labels));
    }

    [Fact]
    public void The_policys_own_labels_are_the_watched_ones()
    {
        var policy = Policy.Default with { Proposals = Policy.Default.Proposals with { Label = "rfc" } };

        Assert.True(Comment.Concerns(policy, ["RFC"]));
        Assert.False(Comment.Concerns(policy, ["proposal"]));
    }
}
