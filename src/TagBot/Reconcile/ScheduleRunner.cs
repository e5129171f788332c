using TagBot.Core.Elections;
using TagBot.Core.Schedule;
using TagBot.GitHub;
using TagBot.Inbox;

namespace TagBot.Reconcile;

/// <summary>
/// The host side of <see cref="SchedulePlanner"/>, run on every repository lane (the sweep, installation
/// events) before the fan-out: reads the election issues, what the planner asks for (TagBot's comments
/// on the election issues a reminder may be on; its roster pull requests when a retirement may be due),
/// and applies the plan. What TagBot did is read back from GitHub (markers), so a second run does nothing.
/// </summary>
public sealed partial class ScheduleRunner(ILedger ledger, BotIdentity bot, TimeProvider clock, ILogger<ScheduleRunner> logger)
{
    /// <summary>
    /// Runs the schedule; a GitHub failure is logged and left to the next sweep (everything it does is
    /// idempotent), so it never holds back the fan-out that repairs the issues. Rate limits propagate.
    /// </summary>
    public async Task<int> RunAsync(IssueGateway gateway, PullRequestGateway pullRequests, Sources loaded, CancellationToken cancellationToken)
    {
        if (loaded.Policy is not { Elections.Schedule.Enabled: true } policy)
        {
            return 0;
        }

        try
        {
            return await RunEnabledAsync(gateway, pullRequests, loaded, policy, cancellationToken);
        }
        catch (Exception e) when (InstallationRateLimits.IsFailedCall(e))
        {
            LogFailed(logger, gateway.Repository.ToString(), e);
            return 0;
        }
    }

    private async Task<int> RunEnabledAsync(
        IssueGateway gateway, PullRequestGateway pullRequests, Sources loaded, Core.Policies.Policy policy, CancellationToken cancellationToken)
    {
        var repository = gateway.Repository.ToString();
        var login = await bot.LoginAsync();
        var issues = await gateway.ElectionIssuesAsync(policy.Elections.Label, login);
        var input = new ScheduleInput(policy, loaded.Roster, loaded.RosterText, issues, clock.GetUtcNow());
        var questions = SchedulePlanner.Ask(input);
        var comments = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var number in questions.CommentsOf)
        {
            comments[number] = await gateway.OwnCommentsAsync(number, login);
        }

        var pulls = questions.PullRequests
            ? (await pullRequests.AllFromBranchesAsync(RosterBranch.OwnPrefix))
                .Select(p => new OwnPullRequest(p.Number, p.Branch, p.IsOpen, p.Body)).ToList()
            : null;
        var plan = SchedulePlanner.Plan(input, new ScheduleFacts(comments, pulls));
        foreach (var note in plan.Notes)
        {
            LogNote(logger, repository, note);
        }

        var actions = 0;
        foreach (var election in plan.Elections)
        {
            var issue = await gateway.CreateIssueAsync(election.Title, election.Body, election.Labels, policy.Labels);
            LogOpened(logger, repository, election.Role, issue);
            actions++;
        }

        foreach (var reminder in plan.Reminders)
        {
            await gateway.CreateCommentAsync(reminder.Issue, reminder.Body);
            actions++;
        }

        if (plan.Retirements is { } proposal)
        {
            var lane = LaneKey.For(repository, null);
            var done = await ledger.KeysAsync(lane, cancellationToken);
            var recorded = new List<string>();
            try
            {
                actions += await PlanExecutor.OpenRosterPullRequestAsync(pullRequests, proposal, done, recorded);
            }
            finally
            {
                await ledger.RecordAsync(lane, recorded, CancellationToken.None);
            }
        }

        return actions;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule of {Repository} failed; the next sweep tries again")]
    private static partial void LogFailed(ILogger logger, string repository, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of {Repository}: {Note}")]
    private static partial void LogNote(ILogger logger, string repository, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of {Repository}: opened the {Role} election #{Issue}")]
    private static partial void LogOpened(ILogger logger, string repository, string role, int issue);
}
