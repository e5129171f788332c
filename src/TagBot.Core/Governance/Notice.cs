namespace TagBot.Core.Governance;

/// <summary>
/// A comment TagBot posts once and never edits (an election result, a roster pull request's fate).
/// <see cref="Body"/> starts with <see cref="Marker"/>, by which the host finds it again.
/// </summary>
public sealed record Notice(string Marker, string Body);
