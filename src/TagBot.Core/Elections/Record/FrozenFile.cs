namespace TagBot.Core.Elections.Record;

/// <summary>A file the election read at its freeze: its path and git blob SHA at <see cref="ElectionRecord.Commit"/>.</summary>
public sealed record FrozenFile(string Path, string Sha);
