using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.GitHub;
using TagBot.Inbox;
using TagBot.Observability;

namespace TagBot.Reconcile;

/// <summary>
/// Drains the inbox: several loops run in parallel, each owning one issue's lane at a time, so
/// events of one issue are processed in order and different issues concurrently. A failure frees
/// the lane and retries later; a crash leaves the lease to expire, and the work is done again.
/// </summary>
public sealed partial class ReconcileWorker(
    IInbox inbox,
    Reconciler reconciler,
    WorkSignal signal,
    IOptions<TagBotOptions> options,
    TimeProvider clock,
    TagBotMetrics metrics,
    ILogger<ReconcileWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            WorkBatch? batch = null;
            var started = 0L;
            try
            {
                batch = await inbox.ClaimAsync(_owner, settings.LeaseDuration, stoppingToken);
                if (batch is null)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                    continue;
                }

                using var scope = LogScopes.Batch(logger, batch);
                started = System.Diagnostics.Stopwatch.GetTimestamp();
                await KeepingLeaseAsync(batch, () => reconciler.ProcessAsync(batch, stoppingToken), stoppingToken);
                await inbox.CompleteAsync(batch, stoppingToken);
                metrics.Reconciled(System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded: true);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (batch is not null)
            {
                var retryAt = RetryAt(e, batch.Attempt);
                var giveUp = batch.Attempt >= settings.MaxAttempts;
                metrics.Reconciled(System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded: false);
                using var scope = LogScopes.Batch(logger, batch);
                LogFailed(logger, e, batch.Lane, batch.Attempt, retryAt);
                await TryAsync(() => inbox.FailAsync(batch, e.Message, retryAt, giveUp, CancellationToken.None));
            }
            catch (Exception e)
            {
                // The store itself failed: back off rather than spin.
                LogStoreFailed(logger, e);
                await Task.Delay(settings.PollInterval * 5, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Renews the lane's lease every third of its duration while the reconcile runs, so a slow
    /// GitHub never lets a second worker take the same issue and act on it concurrently.
    /// </summary>
    private async Task KeepingLeaseAsync(WorkBatch batch, Func<Task> work, CancellationToken stoppingToken)
    {
        var lease = options.Value.LeaseDuration;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewals = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, clock, done.Token);
                if (!await inbox.RenewAsync(batch, lease, done.Token))
                {
                    LogLeaseLost(logger, batch.Lane);
                    return;
                }
            }
        }, done.Token);
        try
        {
            await work();
        }
        finally
        {
            await done.CancelAsync();
            await renewals.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Rate limits say when to come back; anything else backs off exponentially from <c>RetryBackoff</c>, capped at 10 minutes.</summary>
    private DateTimeOffset RetryAt(Exception error, int attempt)
    {
        var now = clock.GetUtcNow();
        return InstallationRateLimits.ResumeAt(error, now)
            ?? now + TimeSpan.FromTicks((long)Math.Min(TimeSpan.FromMinutes(10).Ticks, options.Value.RetryBackoff.Ticks * Math.Pow(2, Math.Min(attempt - 1, 20))));
    }

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            LogStoreFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile of {Lane} failed (attempt {Attempt}); retry at {RetryAt}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string lane, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease on {Lane} while reconciling it")]
    private static partial void LogLeaseLost(ILogger logger, string lane);

    [LoggerMessage(Level = LogLevel.Error, Message = "The inbox store failed")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);
}
