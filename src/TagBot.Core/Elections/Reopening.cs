using TagBot.Core.Issues;

namespace TagBot.Core.Elections;

/// <summary>A chair's valid <c>/reopen-election</c>: the close it undid, who reopened, why and where.</summary>
public sealed record Reopening(ElectionClose Undone, string Chair, string Reason, CommentRef Source);
