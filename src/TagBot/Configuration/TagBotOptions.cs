namespace TagBot.Configuration;

/// <summary>Behaviour of the worker and the sweep, bound from the <c>TagBot</c> section.</summary>
public sealed class TagBotOptions
{
    public const string Section = "TagBot";

    /// <summary>How often every open watched issue is reconciled (time-based transitions, missed webhooks).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sweep at startup (repairs what was missed while down) rather than one interval later.</summary>
    public bool SweepOnStart { get; set; } = true;

    /// <summary>Issues reconciled in parallel; events of one issue are always processed one at a time. 0 = intake only.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How long a worker owns an issue's lane; a crashed worker's lane is free again after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often idle workers look for work that another replica stored or that became due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long processed delivery ids are remembered, so that a redelivery is recognised.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>First retry delay of a failed reconcile; it doubles with each attempt, up to 10 minutes.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts before a delivery is parked as dead (the sweep still repairs its issue).</summary>
    public int MaxAttempts { get; set; } = 12;
}
