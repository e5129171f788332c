namespace TagBot.Hosting;

/// <summary>An unusable setting or store at start: its message is the one line an operator reads.</summary>
public sealed class StartupException(string message) : Exception(message);
