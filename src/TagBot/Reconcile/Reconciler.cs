using TagBot.Core.Governance;
using TagBot.GitHub;
using TagBot.Inbox;

namespace TagBot.Reconcile;

/// <summary>
/// One path for every event: whatever a delivery said, read the issue's whole state from GitHub,
/// let the core decide, carry out its change plan. Repository lanes (installation events, the
/// sweep) fan out into one reconcile per watched open issue.
/// </summary>
public sealed partial class Reconciler(
    GitHubClientFactory clients,
    GovernanceSources sources,
    IssueReader reader,
    PlanExecutor executor,
    LabelCatalog labels,
    IInbox inbox,
    BotIdentity bot,
    InstallationRateLimits rateLimits,
    ScheduleRunner schedule,
    SecretBallotInputs ballots,
    Comments.CommentReader comments,
    TimeProvider clock,
    ILogger<Reconciler> logger)
{
    public async Task ProcessAsync(WorkBatch batch, CancellationToken cancellationToken)
    {
        var installation = batch.Deliveries.Select(d => d.InstallationId).LastOrDefault(id => id != 0);
        var repository = batch.First.Repository;
        using var rateLimitLabel = GitHubInstallationScope.Enter(installation);
        await rateLimits.RunAsync(installation, () => ProcessForInstallationAsync(batch, installation, repository, cancellationToken));
    }

    private async Task ProcessForInstallationAsync(WorkBatch batch, long installation, string repository, CancellationToken cancellationToken)
    {
        if (batch.First.IssueNumber is not { } number)
        {
            await FanOutAsync(installation, repository, cancellationToken);
            return;
        }

        if (await OnlyOwnEchoesAsync(batch))
        {
            LogSkipped(logger, batch.Lane);
            return;
        }

        await ReconcileIssueAsync(installation, repository, number, batch, cancellationToken);
    }

    private async Task ReconcileIssueAsync(long installation, string repository, int number, WorkBatch batch, CancellationToken cancellationToken)
    {
        var sweep = batch.Deliveries.Any(d => d.Event == "sweep");
        var gateway = Gateway(installation, repository, sweep);
        var pullRequests = PullRequests(installation, gateway);
        var wakeup = new Wakeup(
            batch.MentionsTagBot,
            batch.Deliveries.Any(d => d.Action == "unlabeled"),
            sweep);
        var reading = await reader.ReadAsync(gateway, pullRequests, number, await bot.LoginAsync(), wakeup, clock.GetUtcNow(), cancellationToken);
        if (reading is null)
        {
            LogGone(logger, repository, number);
            return;
        }

        if (!reading.Concerned)
        {
            return;
        }

        var names = (reading.Sources.Policy ?? Core.Policies.Policy.Default).Labels;
        reading = await ballots.WithVotersAsync(reading, cancellationToken);
        var desired = await ballots.DecideAsync(reading, error => LogDecisionFailed(logger, repository, number, error), cancellationToken);

        var actions = await executor.ExecuteAsync(gateway, pullRequests, reading.Issue, desired, names, cancellationToken);
        LogReconciled(logger, repository, number, batch.Deliveries.Count, actions);
    }

    private async Task FanOutAsync(long installation, string repository, CancellationToken cancellationToken)
    {
        var gateway = Gateway(installation, repository);
        var loaded = await sources.LoadAsync(gateway, cancellationToken);
        var policy = loaded.Policy ?? Core.Policies.Policy.Default;
        await schedule.RunAsync(gateway, PullRequests(installation, gateway), loaded, cancellationToken);
        var numbers = new SortedSet<int>();
        foreach (var label in policy.WatchedLabels)
        {
            numbers.UnionWith(await gateway.OpenIssuesLabelledAsync(label));
        }

        foreach (var number in numbers)
        {
            await inbox.EnqueueReconcileAsync(installation, repository, number, cancellationToken);
        }

        LogFannedOut(logger, repository, numbers.Count);
    }

    private async Task<bool> OnlyOwnEchoesAsync(WorkBatch batch)
    {
        if (batch.Deliveries.Any(d => d.Sender is null || d.Event == "sweep"))
        {
            return false;
        }

        var login = await bot.LoginAsync();
        return login is not null && batch.Deliveries.All(d => string.Equals(d.Sender, login, StringComparison.OrdinalIgnoreCase));
    }

    private IssueGateway Gateway(long installation, string repository, bool sweep = false) =>
        new(clients.ForInstallation(installation), RepositoryName.Parse(repository), labels, comments, sweep);

    private PullRequestGateway PullRequests(long installation, IssueGateway gateway) =>
        new(clients.ForInstallation(installation), gateway.Repository);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Repository}#{Issue} for {Deliveries} deliveries with {Actions} actions")]
    private static partial void LogReconciled(ILogger logger, string repository, int issue, int deliveries, int actions);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deciding {Repository}#{Issue} failed; its status comment says so")]
    private static partial void LogDecisionFailed(ILogger logger, string repository, int issue, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Repository}#{Issue} is gone or is a pull request; nothing to do")]
    private static partial void LogGone(ILogger logger, string repository, int issue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lane {Lane} holds only TagBot's own events; skipped")]
    private static partial void LogSkipped(ILogger logger, string lane);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} watched issues of {Repository}")]
    private static partial void LogFannedOut(ILogger logger, string repository, int count);
}
