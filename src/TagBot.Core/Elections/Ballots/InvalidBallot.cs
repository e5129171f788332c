namespace TagBot.Core.Elections.Ballots;

/// <summary>A ballot the count could not use, and why (<see cref="BallotCount.Validate"/>).</summary>
/// <param name="Number">Its position among the ballots counted, from 1.</param>
/// <param name="Receipt">Its receipt code when the count was given cast ballots; null otherwise.</param>
/// <param name="Reason">Why it is invalid, as a sentence fragment (<c>@zed is not a candidate …</c>).</param>
public sealed record InvalidBallot(int Number, string? Receipt, string Reason);
