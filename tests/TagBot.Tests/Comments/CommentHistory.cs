using TagBot.Comments;

namespace TagBot.Tests.Comments;

/// <summary>
/// A random history of one issue's comments as GitHub keeps them: creates, edits and deletes at whole-second
/// timestamps (many in the same second, as GitHub's <c>since</c> filter must cope with), and the
/// <c>issue_comment.deleted</c> deliveries they cause, which may be lost, repeated or late. It answers
/// <see cref="ICommentSource"/> as GitHub would, so <see cref="CommentReader"/> can be run against it.
/// </summary>
internal sealed class CommentHistory(Random random) : ICommentSource
{
    private readonly List<CachedComment> _comments = [];
    private readonly List<long> _lateDeletions = [];
    private long _nextId = 1000;
    private readonly string[] _people = ["ann", "bob", "cy", "tagbot[bot]"];

    public DateTimeOffset Now { get; private set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs once, before the next comment read or recount (whichever <see cref="BeforeCount"/> says): what someone does meanwhile.</summary>
    public Action? BetweenReads { get; set; }

    /// <summary>Whether <see cref="BetweenReads"/> runs before the next recount rather than the next comment read.</summary>
    public bool BeforeCount { get; set; }

    /// <summary>The comments as a full read returns them now.</summary>
    public IReadOnlyList<CachedComment> Full => [.. _comments];

    public int Count => _comments.Count;

    /// <summary>Reads without <c>since</c>: every comment.</summary>
    public int FullReads { get; private set; }

    /// <summary>Deletion deliveries that arrive: each at once, twice, late (queued), or never.</summary>
    public List<long> DeliveredDeletions { get; } = [];

    /// <summary>One random change on GitHub, and the deletion delivery it causes, if any arrives now.</summary>
    public void Step()
    {
        // Often the same second: equal timestamps are what a since= read must not lose.
        Now = Now.AddSeconds(random.Next(3) == 0 ? 1 : 0);
        var roll = random.Next(10);
        if (_comments.Count == 0 || roll < 5)
        {
            var login = _people[random.Next(_people.Length)];
            _comments.Add(new CachedComment(_nextId, login, login.Length, login.EndsWith("[bot]", StringComparison.Ordinal),
                $"/vote {random.Next(3)}", Now, Now, $"https://github.com/o/r/issues/1#issuecomment-{_nextId}"));
            _nextId += 1 + random.Next(3);
        }
        else if (roll < 8)
        {
            var i = random.Next(_comments.Count);
            _comments[i] = _comments[i] with { Body = $"/vote {random.Next(3)} (edited)", UpdatedAt = Now };
        }
        else
        {
            var i = random.Next(_comments.Count);
            var id = _comments[i].Id;
            _comments.RemoveAt(i);
            switch (random.Next(5))
            {
                case 0:
                    break; // lost
                case 1:
                    DeliveredDeletions.Add(id);
                    DeliveredDeletions.Add(id); // repeated
                    break;
                case 2:
                    _lateDeletions.Add(id);
                    break;
                default:
                    DeliveredDeletions.Add(id);
                    break;
            }
        }
    }

    /// <summary>Late deletion deliveries arrive now (some of them).</summary>
    public void DeliverLate()
    {
        foreach (var id in _lateDeletions.Where(_ => random.Next(2) == 0).ToList())
        {
            _lateDeletions.Remove(id);
            DeliveredDeletions.Add(id);
        }
    }

    public void AdvanceDays(int days) => Now = Now.AddDays(days);

    public Task<IReadOnlyList<CachedComment>> CommentsAsync(int number, DateTimeOffset? since)
    {
        if (!BeforeCount)
        {
            Interleave();
        }

        FullReads += since is null ? 1 : 0;
        return Task.FromResult<IReadOnlyList<CachedComment>>([.. _comments.Where(c => since is null || c.UpdatedAt >= since)]);
    }

    public Task<int> CommentCountAsync(int number)
    {
        if (BeforeCount)
        {
            Interleave();
        }

        return Task.FromResult(_comments.Count);
    }

    private void Interleave()
    {
        var between = BetweenReads;
        BetweenReads = null;
        between?.Invoke();
    }
}
