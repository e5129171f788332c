using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.GitHub;
using TagBot.Inbox;
using TagBot.Observability;

namespace TagBot.Reconcile;

/// <summary>
/// Drains the inbox: several loops run in parallel, each owning one issue's lane at a time, so
/// events of one issue are processed in order and different issues concurrently. A failure frees
/// the lane and retries later; stopping hands the lane back; a crash leaves the lease to expire
/// (one <c>LeaseDuration</c>, 15 seconds by default), and the work is done again.
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
                var claimedAt = clock.GetTimestamp();
                batch = await inbox.ClaimAsync(_owner, settings.LeaseDuration, stoppingToken);
                if (batch is null)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                    continue;
                }

                using var scope = LogScopes.Batch(logger, batch);
                started = System.Diagnostics.Stopwatch.GetTimestamp();
                await KeepingLeaseAsync(batch, claimedAt, token => reconciler.ProcessAsync(batch, token), stoppingToken);
                await inbox.CompleteAsync(batch, stoppingToken);
                metrics.Reconciled(System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded: true);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                if (batch is not null)
                {
                    // Stopping (a rolling update, a scale-down): hand the lane back now rather than
                    // make the next owner wait out the lease. The reconcile is repeated from the start.
                    await TryAsync(() => inbox.ReleaseAsync(batch, CancellationToken.None));
                }

                return;
            }
            catch (LeaseLostException)
            {
                // The lane may be someone else's now: leave its deliveries and lease to them.
                metrics.Reconciled(System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded: false);
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
    /// Runs <paramref name="work"/> while renewing the lane's lease every third of its duration, so
    /// a slow GitHub never lets a second worker take the same issue. A renewal that fails is
    /// retried every second; when none has succeeded for two thirds of the lease (the store is
    /// unreachable, or the lease was taken over), the work is cancelled and
    /// <see cref="LeaseLostException"/> thrown, so this worker has stopped before another may take
    /// the lane. The lease is short (a killed process's issues wait at most one lease), so the
    /// renewals, not its length, are what keep a long reconcile safe.
    /// </summary>
    private async Task KeepingLeaseAsync(WorkBatch batch, long claimedAt, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        var lease = options.Value.LeaseDuration;
        using var lost = new CancellationTokenSource();
        using var working = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lost.Token);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewals = Task.Run(() => RenewWhileWorkingAsync(batch, lease, claimedAt, lost, done.Token), CancellationToken.None);
        try
        {
            await work(working.Token);
        }
        catch (Exception e) when (lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            throw new LeaseLostException(batch.Lane, e);
        }
        finally
        {
            await done.CancelAsync();
            await renewals.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RenewWhileWorkingAsync(WorkBatch batch, TimeSpan lease, long claimedAt, CancellationTokenSource lost, CancellationToken done)
    {
        var interval = lease / 3;
        var giveUpAfter = lease - interval;
        var retry = TimeSpan.FromSeconds(1) < interval ? TimeSpan.FromSeconds(1) : interval;
        // The lease counts from before the claim (or renewal) was sent, on this process's monotonic clock.
        var heldFrom = claimedAt;
        var delay = interval;
        while (true)
        {
            await Task.Delay(delay, clock, done);
            var attemptAt = clock.GetTimestamp();
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(done);
                attempt.CancelAfter(Positive(giveUpAfter - clock.GetElapsedTime(heldFrom)));
                if (!await inbox.RenewAsync(batch, lease, attempt.Token))
                {
                    LogLeaseLost(logger, batch.Lane);
                    await lost.CancelAsync();
                    return;
                }

                heldFrom = attemptAt;
                delay = interval;
                continue;
            }
            catch (Exception e) when (!done.IsCancellationRequested)
            {
                LogRenewFailed(logger, e, batch.Lane);
            }

            var left = giveUpAfter - clock.GetElapsedTime(heldFrom);
            if (left <= TimeSpan.Zero)
            {
                LogLeaseLost(logger, batch.Lane);
                await lost.CancelAsync();
                return;
            }

            delay = retry < left ? retry : left;
        }
    }

    private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.FromMilliseconds(1);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease on {Lane} while reconciling it; the reconcile is abandoned to the lane's next owner")]
    private static partial void LogLeaseLost(ILogger logger, string lane);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease on {Lane}; retrying")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string lane);

    [LoggerMessage(Level = LogLevel.Error, Message = "The inbox store failed")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);

    /// <summary>This worker could not keep its lease on a lane and abandoned the reconcile.</summary>
    private sealed class LeaseLostException(string lane, Exception inner) : Exception($"Lost the lease on {lane}", inner);
}
