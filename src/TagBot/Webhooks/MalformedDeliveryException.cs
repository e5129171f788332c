namespace TagBot.Webhooks;

/// <summary>A signed delivery that cannot be routed: answered 400, nothing stored.</summary>
public sealed class MalformedDeliveryException(string message) : Exception(message);
