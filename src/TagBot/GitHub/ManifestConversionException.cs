namespace TagBot.GitHub;

/// <summary>GitHub did not convert the manifest code: used already, expired, or from another GitHub.</summary>
public sealed class ManifestConversionException(string message, Exception inner) : Exception(message, inner);
