namespace TagBot.Core.Governance;

/// <summary>
/// What the issue should look like. The host compares it with GitHub and applies only the
/// difference, so computing it twice, or from a stale event, changes nothing.
/// </summary>
public sealed record DesiredState(
    IReadOnlySet<string> Labels,
    IReadOnlySet<string> ManagedLabels,
    string? StatusComment,
    IReadOnlyList<Reaction> Reactions,
    IReadOnlyList<Reply> Replies,
    Closure? Close)
{
    public static readonly DesiredState Nothing = new(
        new HashSet<string>(), new HashSet<string>(), null, [], [], null);
}
