namespace TagBot.Core.Elections;

/// <summary>Whose positions are binding: holders of <see cref="Roles"/> (<c>voters</c>), <see cref="People"/> people in the roster.</summary>
public sealed record Electorate(IReadOnlyList<string> Roles, int People);
