using TagBot.Core.Elections;
using TagBot.Core.Issues;
using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Elections;

public class RosterBranchTests
{
    [Theory]
    [InlineData(7, "tagbot/election-7")]
    [InlineData(123456789, "tagbot/election-123456789")]
    public void Builds_and_parses_the_same_name(int issue, string name)
    {
        Assert.Equal(name, new RosterBranch(issue).Name);
        Assert.Equal(new RosterBranch(issue), RosterBranch.Parse(name));
    }

    [Theory]
    [InlineData("tagbot/election-")]
    [InlineData("tagbot/election-07")]
    [InlineData("tagbot/election-7a")]
    [InlineData("tagbot/election--7")]
    [InlineData("tagbot/election-1234567890")]
    [InlineData("tagbot/terms-2026-10-01")]
    [InlineData("feature/election-7")]
    [InlineData(null)]
    public void Other_branches_are_not_an_elections(string? name) => Assert.Null(RosterBranch.Parse(name));

    [Theory]
    [InlineData(new[] { "nomination" }, false)]
    [InlineData(new[] { "nomination", "election/closed" }, true)]
    [InlineData(new[] { "proposal", "election/closed" }, false)]
    public void The_pull_request_is_read_only_once_the_election_is_closed(string[] labels, bool read)
    {
        var issue = new IssueSnapshot("o/r", 9, "Election", "a", DateTimeOffset.UnixEpoch, true, labels, [], "u");

        Assert.Equal(read ? new RosterBranch(9) : null, RosterBranch.ToRead(issue, Policy.Default));
    }

    [Fact]
    public void A_found_pull_request_tells_the_elections_roster_state()
    {
        Assert.Equal(RosterPullRequestState.None, RosterBranch.StateOf(null));
        Assert.Equal(RosterPullRequestState.Open, RosterBranch.StateOf(new PullRequestSnapshot(3, "b", IsOpen: true, Merged: false, "")));
        Assert.Equal(RosterPullRequestState.Merged, RosterBranch.StateOf(new PullRequestSnapshot(3, "b", IsOpen: false, Merged: true, "")));
        Assert.Equal(RosterPullRequestState.ClosedUnmerged, RosterBranch.StateOf(new PullRequestSnapshot(3, "b", IsOpen: false, Merged: false, "")));
    }
}
