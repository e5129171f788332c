using TagBot.Core.Commands;
using TagBot.Core.Elections.Record;
using TagBot.Core.Issues;

namespace TagBot.Core.Tests.Elections.Record;

public sealed class IdentitiesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly ElectionRecord Frozen = new("c0ffee", [], At, [new FrozenPerson("alice", 1), new FrozenPerson("bob", 2)]);

    private static IssueComment Comment(long id, string author, long authorId, string body = "/support @alice") =>
        new(id, author, false, body, At.AddMinutes(id), $"https://github.com/o/r/issues/1#issuecomment-{id}") { AuthorId = authorId };

    private static IssueSnapshot Issue(params IssueComment[] comments) =>
        new("o/r", 1, "Election", "alice", At, true, ["nomination"], comments, "https://github.com/o/r/issues/1");

    [Fact]
    public void A_renamed_author_counts_under_the_frozen_login_and_their_new_login_is_reported()
    {
        var issue = Issue(Comment(1, "alice-new", 1));
        var identities = Identities.Of(Frozen, issue);

        Assert.Equal("alice", Assert.Single(identities.Apply(issue).Comments).Author);
        Assert.Equal("alice-new", identities.Renamed["alice"]);
    }

    [Fact]
    public void A_mention_of_the_new_login_means_the_frozen_person()
    {
        var identities = Identities.Of(Frozen, Issue(Comment(1, "alice-new", 1)));

        var command = (SupportCommand)identities.Apply(new SupportCommand(1, "/support @alice-new @bob", ["alice-new", "bob"]));

        Assert.Equal(["alice", "bob"], command.Nominees);
    }

    [Fact]
    public void Someone_else_under_a_frozen_login_is_kept_apart_and_mentions_of_that_login_still_mean_the_frozen_person()
    {
        var issue = Issue(Comment(1, "alice-new", 1), Comment(2, "alice", 99));
        var identities = Identities.Of(Frozen, issue);

        Assert.Equal(["alice", "alice#99"], identities.Apply(issue).Comments.Select(c => c.Author));
        Assert.Equal("alice", ((BreakTieCommand)identities.Apply(new BreakTieCommand(1, "/break-tie @alice", "alice"))).Nominee);
    }

    [Fact]
    public void Without_a_record_or_an_author_id_nothing_is_mapped()
    {
        var issue = Issue(Comment(1, "alice-new", 0));

        Assert.Same(issue, Identities.Of(null, issue).Apply(issue));
        Assert.Same(issue, Identities.Of(Frozen, issue).Apply(issue));
    }
}
