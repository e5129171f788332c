using System.Security.Cryptography;
using System.Text;
using TagBot.Core.Elections.Record;
using TagBot.Core.Issues;

namespace TagBot.Core.Tests.Elections.Record;

public sealed class ResultDigestTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly ElectionRecord Frozen = new("c0ffee", [new FrozenFile("governance/roster.yaml", "b10b")], At, []);

    private static IssueComment Comment(long id, string body, DateTimeOffset? updated = null) =>
        new(id, "member-max", false, body, At.AddMinutes(id), $"https://github.com/o/r/issues/1#issuecomment-{id}")
        {
            AuthorId = 42,
            UpdatedAt = updated ?? At.AddMinutes(id),
        };

    private static IssueSnapshot Issue(params IssueComment[] comments) =>
        new("o/r", 1, "Election", "chair-carla", At, true, ["nomination"], comments, "https://github.com/o/r/issues/1");

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void The_canonical_text_is_the_documented_one_in_id_order()
    {
        var text = ResultDigest.Canonical([Comment(9, "/close-election"), Comment(2, "/support @x")], Frozen);

        Assert.Equal(
            "tagbot-election-digest v1\ncommit c0ffee\nfile b10b governance/roster.yaml\n"
            + $"comment 2 42 2026-12-03T12:02:00Z {Hex("/support @x")}\n"
            + $"comment 9 42 2026-12-03T12:09:00Z {Hex("/close-election")}\n",
            text);
    }

    [Fact]
    public void A_rendered_digest_reads_back_and_holds_while_nothing_changes()
    {
        var comments = new[] { Comment(2, "/support @x"), Comment(9, "/close-election") };
        var digest = new ResultDigest(Hex(ResultDigest.Canonical(comments, Frozen)), [2, 9]);

        var read = ResultDigest.Parse("## Election result\n\n" + digest.Render());

        Assert.Equal(digest.Value, read!.Value);
        Assert.Equal([2L, 9L], read.CommentIds);
        Assert.Empty(read.Changes(Issue(comments), At.AddHours(1), Frozen));
    }

    [Fact]
    public void An_edit_and_a_deletion_after_the_posting_are_each_named()
    {
        var comments = new[] { Comment(2, "/support @x"), Comment(9, "/close-election") };
        var digest = new ResultDigest(Hex(ResultDigest.Canonical(comments, Frozen)), [2, 9]);

        var changes = digest.Changes(Issue(Comment(9, "/close-election hello", At.AddHours(2))), At.AddHours(1), Frozen);

        Assert.Equal([(2L, "deleted"), (9L, "edited 2026-12-03 14:00 UTC")], changes.Select(c => (c.CommentId, c.What)));
    }

    [Fact]
    public void Inputs_that_differ_without_a_newer_edit_time_are_not_called_intact()
    {
        var digest = new ResultDigest(Hex(ResultDigest.Canonical([Comment(2, "/support @x")], Frozen)), [2]);

        var changes = digest.Changes(Issue(Comment(2, "/support @y")), At.AddHours(1), Frozen);

        Assert.Single(changes);
    }
}
