using TagBot.Core.Elections;
using TagBot.Core.Governance;
using TagBot.GitHub;
using TagBot.Inbox;

namespace TagBot.Reconcile;

/// <summary>
/// One path for every event: whatever a delivery said, read the issue's whole state from GitHub,
/// let the core decide, apply the difference. Repository lanes (installation events, the sweep)
/// fan out into one reconcile per watched open issue.
/// </summary>
public sealed partial class Reconciler(
    GitHubClientFactory clients,
    GovernanceSources sources,
    IssueDiff diff,
    LabelCatalog labels,
    IInbox inbox,
    BotIdentity bot,
    InstallationRateLimits rateLimits,
    ScheduleRunner schedule,
    TimeProvider clock,
    ILogger<Reconciler> logger)
{
    public async Task ProcessAsync(WorkBatch batch, CancellationToken cancellationToken)
    {
        var installation = batch.Deliveries.Select(d => d.InstallationId).LastOrDefault(id => id != 0);
        var repository = batch.First.Repository;
        using var rateLimitLabel = GitHubInstallationScope.Enter(installation);
        if (rateLimits.BlockedUntil(installation) is { } until)
        {
            throw new InstallationRateLimitedException(installation, until);
        }

        try
        {
            await ProcessForInstallationAsync(batch, installation, repository, cancellationToken);
        }
        catch (Octokit.RateLimitExceededException e)
        {
            rateLimits.Exhausted(installation, e.Reset);
            throw;
        }
        catch (Octokit.SecondaryRateLimitExceededException e)
        {
            rateLimits.Exhausted(installation, clock.GetUtcNow() + (RetryAfter(e) ?? TimeSpan.FromMinutes(1)));
            throw;
        }
    }

    /// <summary>Retry-After of a rate-limit answer, when GitHub gave one.</summary>
    public static TimeSpan? RetryAfter(Octokit.ApiException error) =>
        error.HttpResponse?.Headers is { } headers && headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

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
        var gateway = Gateway(installation, repository);
        var issue = await gateway.ReadIssueAsync(number);
        if (issue is null)
        {
            LogGone(logger, repository, number);
            return;
        }

        var loaded = await sources.LoadPolicyAsync(gateway, cancellationToken);
        var labelNames = issue.Labels.Select(l => l.Name).ToList();
        var policy = loaded.Policy ?? Core.Policies.Policy.Default;
        var watched = labelNames.Any(l => IsWatchedLabel(l, policy));
        // An untracked issue matters only when someone addressed TagBot or a label came off
        // (it may have been tracked before): otherwise its comments are not worth a request.
        var relevant = watched || batch.MentionsTagBot || batch.Deliveries.Any(d => d.Action == "unlabeled" || d.Event == "sweep");
        if (!relevant)
        {
            return;
        }

        loaded = await sources.WithRosterAsync(gateway, loaded, cancellationToken);
        var snapshot = await gateway.ReadSnapshotAsync(issue, await bot.LoginAsync());
        var pullRequests = new PullRequestGateway(clients.ForInstallation(installation), gateway.Repository);
        var desired = loaded.Policy is null
            ? IssueDecider.CannotAct(snapshot, loaded.Warnings)
            : IssueDecider.Decide(new DecisionInput(loaded.Policy, loaded.Roster, snapshot, clock.GetUtcNow(), loaded.Warnings)
            {
                RosterText = loaded.RosterText,
                PullRequest = await RosterPullRequestStateAsync(pullRequests, snapshot, loaded.Policy),
            });
        var actions = await diff.ApplyAsync(gateway, pullRequests, snapshot, desired, policy.Labels, cancellationToken);
        LogReconciled(logger, repository, number, batch.Deliveries.Count, actions);
    }

    /// <summary>
    /// The roster pull request matters only once an election is closed; before that, no request.
    /// Internal for <c>audit</c>, which reads it the same way.
    /// </summary>
    internal static async Task<RosterPullRequestState> RosterPullRequestStateAsync(PullRequestGateway pullRequests, Core.Issues.IssueSnapshot issue, Core.Policies.Policy policy)
    {
        if (!issue.HasLabel(policy.Elections.Label) || !issue.HasLabel(policy.Labels.ElectionClosed))
        {
            return RosterPullRequestState.None;
        }

        return await pullRequests.FindAsync(RosterPullRequestDrafter.Branch(issue.Number)) switch
        {
            null => RosterPullRequestState.None,
            { Merged: true } => RosterPullRequestState.Merged,
            { State.StringValue: "closed" } => RosterPullRequestState.ClosedUnmerged,
            _ => RosterPullRequestState.Open,
        };
    }

    private async Task FanOutAsync(long installation, string repository, CancellationToken cancellationToken)
    {
        var gateway = Gateway(installation, repository);
        var loaded = await sources.LoadAsync(gateway, cancellationToken);
        var policy = loaded.Policy ?? Core.Policies.Policy.Default;
        await schedule.RunAsync(gateway, new PullRequestGateway(clients.ForInstallation(installation), gateway.Repository), loaded, cancellationToken);
        var numbers = new SortedSet<int>();
        foreach (var label in new[] { policy.Proposals.Label, policy.Elections.Label })
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

    private static bool IsWatchedLabel(string label, Core.Policies.Policy policy) =>
        string.Equals(label, policy.Proposals.Label, StringComparison.OrdinalIgnoreCase)
        || string.Equals(label, policy.Elections.Label, StringComparison.OrdinalIgnoreCase);

    private IssueGateway Gateway(long installation, string repository) =>
        new(clients.ForInstallation(installation), RepositoryName.Parse(repository), labels);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Repository}#{Issue} for {Deliveries} deliveries with {Actions} actions")]
    private static partial void LogReconciled(ILogger logger, string repository, int issue, int deliveries, int actions);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Repository}#{Issue} is gone or is a pull request; nothing to do")]
    private static partial void LogGone(ILogger logger, string repository, int issue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lane {Lane} holds only TagBot's own events; skipped")]
    private static partial void LogSkipped(ILogger logger, string lane);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} watched issues of {Repository}")]
    private static partial void LogFannedOut(ILogger logger, string repository, int count);
}
