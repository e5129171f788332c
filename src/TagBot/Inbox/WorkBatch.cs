namespace TagBot.Inbox;

/// <summary>All pending deliveries of one lane, claimed together: one reconcile serves them all.</summary>
public sealed record WorkBatch(string Lane, string Owner, IReadOnlyList<Delivery> Deliveries, int Attempt)
{
    public Delivery First => Deliveries[0];

    public bool MentionsTagBot => Deliveries.Any(d => d.MentionsTagBot);
}
