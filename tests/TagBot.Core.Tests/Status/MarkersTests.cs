using TagBot.Core.Schedule;
using TagBot.Core.Status;

namespace TagBot.Core.Tests.Status;

public sealed class MarkersTests
{
    [Fact]
    public void Every_marker_is_a_hidden_comment_that_no_other_kind_mistakes_for_its_own()
    {
        string[] markers =
        [
            Markers.Status, Markers.Reply(42), Markers.ElectionResult(42), Markers.RosterMerged, Markers.RosterClosed,
            Markers.RosterUnchanged, ScheduleMarkers.ForElection("chair", new DateOnly(2027, 1, 31)),
        ];

        Assert.All(markers, m => Assert.Matches("^<!-- tagbot:[a-z0-9:_-]+ -->$", m));
        Assert.Equal(markers.Length, markers.Distinct().Count());
        Assert.Equal([Markers.Status], markers.Where(Markers.IsStatus));
        Assert.Equal([Markers.ElectionResult(42)], markers.Where(Markers.IsElectionResult));
        Assert.Equal([Markers.Reply(42)], markers.Where(m => Markers.RepliedTo(m) is not null));
        Assert.All(markers, m => Assert.True(Markers.IsMarked(m + "\ntext")));
        Assert.False(Markers.IsMarked("<!-- other bot -->\ntext"));
    }

    [Fact]
    public void A_reply_marker_gives_back_the_comment_it_answers_and_a_broken_one_gives_nothing()
    {
        Assert.Equal(9_007_199_254L, Markers.RepliedTo(Markers.Reply(9_007_199_254L) + "\nDone."));
        Assert.Null(Markers.RepliedTo("<!-- tagbot:reply:12x -->"));
        Assert.Null(Markers.RepliedTo("<!-- tagbot:reply:12"));
        Assert.Null(Markers.RepliedTo("text " + Markers.Reply(12)));
    }
}
