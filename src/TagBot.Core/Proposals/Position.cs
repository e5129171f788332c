using TagBot.Core.Issues;

namespace TagBot.Core.Proposals;

/// <summary>A person's current position: their latest command about the proposal.</summary>
public sealed record Position(string Login, Stance Stance, string? Reason, bool Binding, CommentRef Source);
