namespace TagBot.Core.Governance;

/// <summary>A reaction on a command's comment: <c>+1</c> when applied, <c>confused</c> when refused.</summary>
public sealed record Reaction(long CommentId, ReactionKind Kind)
{
    /// <summary>Ledger key: a reaction is given once per comment and kind.</summary>
    public string Key => $"react:{CommentId}:{Kind}";
}

public enum ReactionKind
{
    ThumbsUp,
    Confused,
}
