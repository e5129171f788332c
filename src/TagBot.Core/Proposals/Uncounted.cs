using TagBot.Core.Issues;

namespace TagBot.Core.Proposals;

/// <summary>A position that was stated but does not count, and why (shown in the status comment).</summary>
public sealed record Uncounted(string Login, string What, string Why, CommentRef Source);
