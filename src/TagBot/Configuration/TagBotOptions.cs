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

    /// <summary>
    /// How long an issue's lane stays owned without a renewal. The worker renews it every third
    /// of this while it reconciles, so this bounds only how long a killed process's issues wait,
    /// not how long a reconcile may take.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often idle workers look for work that another replica stored or that became due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long processed delivery ids are remembered, so that a redelivery is recognised.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>First retry delay of a failed reconcile; it doubles with each attempt, up to 10 minutes.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts before a delivery is parked as dead (the sweep still repairs its issue).</summary>
    public int MaxAttempts { get; set; } = 12;
}
