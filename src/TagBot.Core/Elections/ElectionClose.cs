using TagBot.Core.Issues;

namespace TagBot.Core.Elections;

/// <summary>The first valid <c>/close-election</c>: the result is computed as of this comment.</summary>
public sealed record ElectionClose(string Chair, CommentRef Source);
