using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>A holder the roster pull request moves to <c>emeritus</c>: their term ended on or before the new terms start and they were not re-elected.</summary>
public sealed record Retirement(string Role, string GitHub, Term? Term);
