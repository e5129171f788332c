namespace TagBot.Webhooks;

/// <summary>
/// The inbox failed to store a verified delivery: a server fault (503), not the sender's. Every
/// other failure while reading a delivery is blamed on its payload (see <see cref="WebhookErrors"/>).
/// </summary>
public sealed class DeliveryNotStoredException(Exception inner) : Exception("The delivery could not be stored.", inner);
