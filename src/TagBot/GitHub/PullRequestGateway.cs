using Octokit;
using TagBot.Core.Issues;

namespace TagBot.GitHub;

/// <summary>
/// Branch, file and pull request operations for roster pull requests. Each step first reads what
/// is there, so a retried or redelivered close never makes a second commit or pull request.
/// </summary>
public sealed class PullRequestGateway(IGitHubClient client, RepositoryName repository)
{
    public async Task<string> DefaultBranchAsync() =>
        (await client.Repository.Get(repository.Owner, repository.Name)).DefaultBranch;

    /// <summary>The pull request from <paramref name="branch"/> in any state, newest first, or null.</summary>
    public async Task<PullRequestSnapshot?> FindAsync(string branch)
    {
        var request = new PullRequestRequest { State = ItemStateFilter.All, Head = $"{repository.Owner}:{branch}" };
        var found = await client.PullRequest.GetAllForRepository(repository.Owner, repository.Name, request, new ApiOptions { PageSize = 100 });
        return found.Where(p => p.Head?.Ref == branch).OrderByDescending(p => p.Number).Select(ToCore).FirstOrDefault();
    }

    /// <summary>Every pull request, in any state, whose head branch starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<PullRequestSnapshot>> AllFromBranchesAsync(string prefix)
    {
        var request = new PullRequestRequest { State = ItemStateFilter.All };
        var found = await client.PullRequest.GetAllForRepository(repository.Owner, repository.Name, request, new ApiOptions { PageSize = 100 });
        return [.. found.Where(p => p.Head?.Ref?.StartsWith(prefix, StringComparison.Ordinal) == true).Select(ToCore)];
    }

    /// <summary>Creates <paramref name="branch"/> from the tip of <paramref name="from"/> unless it exists.</summary>
    public async Task EnsureBranchAsync(string branch, string from)
    {
        try
        {
            await client.Git.Reference.Get(repository.Owner, repository.Name, $"heads/{branch}");
            return;
        }
        catch (NotFoundException)
        {
        }

        var tip = await client.Git.Reference.Get(repository.Owner, repository.Name, $"heads/{from}");
        try
        {
            await client.Git.Reference.Create(repository.Owner, repository.Name, new NewReference($"refs/heads/{branch}", tip.Object.Sha));
        }
        catch (ApiValidationException)
        {
            // Created meanwhile by another attempt: the branch exists, which is what we need.
        }
    }

    /// <summary>A file's text and blob sha on a branch, or null when absent.</summary>
    public async Task<(string Text, string Sha)?> ReadAsync(string path, string branch)
    {
        try
        {
            var contents = await client.Repository.Content.GetAllContentsByRef(repository.Owner, repository.Name, path, branch);
            return contents.Count == 1 ? (contents[0].Content, contents[0].Sha) : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>Commits <paramref name="text"/> to the branch unless the file already holds exactly it.</summary>
    public async Task<bool> CommitIfChangedAsync(string path, string branch, string text, string message)
    {
        var current = await ReadAsync(path, branch);
        if (current is { } file && file.Text == text)
        {
            return false;
        }

        if (current is { } existing)
        {
            await client.Repository.Content.UpdateFile(repository.Owner, repository.Name, path, new UpdateFileRequest(message, text, existing.Sha, branch));
        }
        else
        {
            await client.Repository.Content.CreateFile(repository.Owner, repository.Name, path, new CreateFileRequest(message, text, branch));
        }

        return true;
    }

    /// <summary>Comments on the open pull request from <paramref name="branch"/> and closes it; nothing when none is open.</summary>
    public async Task CloseWithCommentAsync(string branch, string comment)
    {
        if (await FindAsync(branch) is not { IsOpen: true } open)
        {
            return;
        }

        await client.Issue.Comment.Create(repository.Owner, repository.Name, open.Number, comment);
        await client.PullRequest.Update(repository.Owner, repository.Name, open.Number, new PullRequestUpdate { State = ItemState.Closed });
    }

    public async Task<PullRequestSnapshot> CreateAsync(string branch, string baseBranch, string title, string body) =>
        ToCore(await client.PullRequest.Create(repository.Owner, repository.Name, new NewPullRequest(title, branch, baseBranch) { Body = body }));

    /// <summary>Asks users and <c>org/team</c> teams to review; unknown reviewers are skipped, not fatal.</summary>
    public async Task RequestReviewAsync(int number, IReadOnlyCollection<string> reviewers)
    {
        var users = reviewers.Where(r => !r.Contains('/', StringComparison.Ordinal)).ToList();
        var teams = reviewers.Where(r => r.Contains('/', StringComparison.Ordinal)).Select(r => r[(r.IndexOf('/', StringComparison.Ordinal) + 1)..]).ToList();
        if (users.Count == 0 && teams.Count == 0)
        {
            return;
        }

        try
        {
            await client.PullRequest.ReviewRequest.Create(repository.Owner, repository.Name, number, new PullRequestReviewRequest(users, teams));
        }
        catch (ApiValidationException)
        {
            // GitHub refuses the author or non-collaborators as reviewers; the pull request stands.
        }
    }

    private static PullRequestSnapshot ToCore(PullRequest pullRequest) =>
        new(pullRequest.Number, pullRequest.Head?.Ref ?? "", pullRequest.State.StringValue == "open", pullRequest.Merged, pullRequest.Body ?? "");
}
