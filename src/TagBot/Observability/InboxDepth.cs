using TagBot.Inbox;

namespace TagBot.Observability;

/// <summary>
/// Reads the inbox depth for <c>tagbot_inbox_pending</c> just before a scrape, so the gauge's
/// synchronous callback never waits on the database. A slow or failing store keeps the last value
/// (<c>/readyz</c> is the signal for an unreachable store), and never fails the scrape.
/// </summary>
public sealed partial class InboxDepth(IInbox inbox, TagBotMetrics metrics, ILogger<InboxDepth> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            metrics.InboxPending(await inbox.PendingCountAsync(deadline.Token));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the inbox depth for /metrics; the last value is reported")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
