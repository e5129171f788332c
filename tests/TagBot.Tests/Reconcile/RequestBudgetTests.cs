using TagBot.Tests.Harness;
using Xunit.Abstractions;

namespace TagBot.Tests.Reconcile;

/// <summary>
/// How many GitHub requests one processed command comment costs. The figure is printed for the
/// docs; the assertion is a loose ceiling that catches a regression (a request per comment, say).
/// </summary>
public sealed class RequestBudgetTests(ITestOutputHelper output)
{
    private const string Repo = GovernanceWorld.Repo;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_command_comment_costs_a_handful_of_requests_and_unchanged_files_cost_304s(bool hasPolicyFile)
    {
        await using var world = await GovernanceWorld.StartAsync(policy: hasPolicyFile ? "proposals:\n  support_required: 2\n" : null);
        var issue = await world.OpenIssueAsync("chair-carla", "Proposal", "proposal");
        await world.IdleAsync();
        string[] voters = ["lead-lee", "member-mia", "member-max", "random-rita", "random-raj"];
        for (var i = 0; i < 10; i++)
        {
            await world.CommentAsync(issue, "someone-" + i, "Warming up the caches.");
        }

        await world.IdleAsync();
        world.GitHub.Requests.Clear();

        const int comments = 20;
        for (var i = 0; i < comments; i++)
        {
            await world.CommentAsync(issue, voters[i % voters.Length], i % 2 == 0 ? "/support" : "/object not yet");
            await world.IdleAsync();
        }

        var requests = world.GitHub.Requests.Snapshot().Where(r => r.Path.StartsWith($"repos/{Repo}", StringComparison.Ordinal)).ToList();
        var notModified = requests.Count(r => r.NotModified);
        var perComment = (double)requests.Count / comments;
        var chargedPerComment = (double)(requests.Count - notModified) / comments;
        output.WriteLine($"policy file: {hasPolicyFile}; {requests.Count} requests for {comments} command comments: {perComment:F2} per comment, "
            + $"{chargedPerComment:F2} excluding {notModified} conditional 304s (not counted by GitHub's rate limit)");
        foreach (var group in requests.GroupBy(r => $"{r.Method} {Shape(r.Path)}").OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Count(),4}  {group.Key}");
        }

        Assert.InRange(chargedPerComment, 1, 6);
        Assert.True(notModified >= comments, "policy and roster reads should be conditional");
    }

    private static string Shape(string path) =>
        string.Join('/', path.Split('?')[0].Split('/').Select(segment => segment.All(char.IsAsciiDigit) ? "{n}" : segment));
}
