namespace TagBot.Inbox;

/// <summary>
/// One accepted webhook delivery, reduced to what routing needs: which issue to reconcile.
/// The payload itself is not kept: every reconcile reads the truth from GitHub.
/// </summary>
public sealed record Delivery(
    string Id,
    string Event,
    string? Action,
    long InstallationId,
    string Repository,
    int? IssueNumber,
    string? Sender,
    DateTimeOffset ReceivedAt,
    bool MentionsTagBot = false,
    long? DeletedCommentId = null)
{
    /// <summary>The per-issue lane: deliveries of one lane are processed one at a time, in order.</summary>
    public string Lane => LaneKey.For(Repository, IssueNumber);
}
