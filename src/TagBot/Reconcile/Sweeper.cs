using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.GitHub;
using TagBot.Inbox;

namespace TagBot.Reconcile;

/// <summary>
/// Every <c>TagBot__SweepInterval</c>, queues a repository lane for each repository of each
/// installation; the worker fans those out to every open watched issue. Time-based transitions
/// (the discussion period ending) and missed webhooks are repaired this way, with no traffic.
/// </summary>
public sealed partial class Sweeper(
    AppGateway app,
    IInbox inbox,
    WorkSignal signal,
    IOptions<TagBotOptions> options,
    TimeProvider clock,
    ILogger<Sweeper> logger) : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        var installations = await app.InstallationsAsync();
        foreach (var installation in installations)
        {
            foreach (var repository in installation.Repositories)
            {
                await inbox.TryAddAsync(
                    new Delivery($"sweep:{clock.GetUtcNow().ToUnixTimeMilliseconds()}:{repository}", "sweep", null, installation.Id,
                        repository, null, null, clock.GetUtcNow()),
                    cancellationToken);
                queued++;
            }
        }

        signal.Notify();
        await inbox.PurgeAsync(clock.GetUtcNow() - options.Value.DeliveryRetention, cancellationToken);
        LogSwept(logger, installations.Count, queued);
        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!first || options.Value.SweepOnStart)
                {
                    await RunOnceAsync(stoppingToken);
                }

                first = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep queued {Repositories} repositories of {Installations} installations")]
    private static partial void LogSwept(ILogger logger, int installations, int repositories);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep failed; the next one repairs what this one missed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
