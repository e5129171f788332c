namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Rosters;

public class RosterDiffTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("a\nb\n", "a\nb\n")]
    [InlineData("a\nb\n", "a\r\nb\r\n")]
    public void Same_lines_give_no_diff(string before, string after)
    {
        Assert.Equal("", RosterDiff.Render(before, after));
    }

    [Fact]
    public void An_added_line_with_two_lines_of_context()
    {
        Assert.Equal(
            "@@ -2,4 +2,5 @@\n b\n c\n+X\n d\n e\n",
            RosterDiff.Render("a\nb\nc\nd\ne\nf\n", "a\nb\nc\nX\nd\ne\nf\n"));
    }

    [Fact]
    public void A_replaced_line_at_the_start()
    {
        Assert.Equal("@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n", RosterDiff.Render("a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n"));
    }

    [Fact]
    public void A_new_file()
    {
        Assert.Equal("@@ -0,0 +1,2 @@\n+a\n+b\n", RosterDiff.Render("", "a\nb"));
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_near_ones_share_one()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var after = before.Replace("line 3\n", "", StringComparison.Ordinal)
            .Replace("line 7\n", "line 7\nnew\n", StringComparison.Ordinal)
            .Replace("line 18", "LINE 18", StringComparison.Ordinal);

        Assert.Equal(
            """
            @@ -1,9 +1,9 @@
             line 1
             line 2
            -line 3
             line 4
             line 5
             line 6
             line 7
            +new
             line 8
             line 9
            @@ -16,5 +16,5 @@
             line 16
             line 17
            -line 18
            +LINE 18
             line 19
             line 20

            """,
            RosterDiff.Render(before, after));
    }

    [Fact]
    public void Shows_a_roster_edit()
    {
        var before = "roles:\n  tech_lead:\n    - { github: alice }\n    - { github: bob }\nemeritus: []\n";
        var after = "roles:\n  tech_lead:\n    - { github: alice }\n    - { github: carol }\nemeritus: []\n";

        Assert.Equal(
            "@@ -2,4 +2,4 @@\n   tech_lead:\n     - { github: alice }\n-    - { github: bob }\n+    - { github: carol }\n emeritus: []\n",
            RosterDiff.Render(before, after));
    }
}
