namespace TagBot.Core.Governance;

/// <summary>
/// TagBot's one reply to a comment (refusals, help). The body starts with the comment's reply
/// marker, so the host finds an earlier reply and edits it instead of posting a second one.
/// </summary>
public sealed record Reply(long CommentId, string Body);
