namespace TagBot.Load;

/// <summary>What to send: how many deliveries, how fast (or how many senders at once), spread over how many issues.</summary>
public sealed record LoadPlan(Uri Url, string Secret, int Count, int RatePerSecond, int Concurrency, int Issues, string Repository, long Installation);
