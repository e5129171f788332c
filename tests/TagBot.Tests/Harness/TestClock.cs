namespace TagBot.Tests.Harness;

/// <summary>
/// Real time plus an offset the test moves forward: "now" can jump a week, while timers and
/// delays still run on the wall clock so the app's loops behave as in production.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
