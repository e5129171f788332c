namespace TagBot.Core.Schedule;

/// <summary>A holder's current term of a role.</summary>
public sealed record HeldTerm(string Role, string GitHub, DateOnly Start, DateOnly End);
