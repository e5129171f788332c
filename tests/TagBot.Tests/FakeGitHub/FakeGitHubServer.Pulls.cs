using Microsoft.AspNetCore.Http;

namespace TagBot.Tests.FakeGitHub;

// Pull requests. A pull request is an issue (shared number sequence) plus head/base refs.
public sealed partial class FakeGitHubServer
{
    private GitHubResult GetPull(HttpContext context, string owner, string repo, int number)
    {
        lock (_gate)
        {
            return TryRepo(context, owner, repo, out var r) && r.Issues.TryGetValue(number, out var issue) && issue.Pull is not null
                ? GitHubResult.Json(PullJson(r, issue))
                : GitHubResult.NotFound();
        }
    }

    private GitHubResult ListPulls(HttpContext context, string owner, string repo)
    {
        var state = Query(context, "state");
        var head = Query(context, "head");
        var baseRef = Query(context, "base");
        var sort = Query(context, "sort");
        var direction = Query(context, "direction");
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            // head is "owner:branch" on GitHub; a bare branch name is accepted too.
            var (headOwner, headBranch) = head.Contains(':', StringComparison.Ordinal)
                ? (head[..head.IndexOf(':', StringComparison.Ordinal)], head[(head.IndexOf(':', StringComparison.Ordinal) + 1)..])
                : (null, head);
            var pulls = r.Issues.Values
                .Where(i => i.Pull is not null)
                .Where(i => state switch
                {
                    "all" => true,
                    "closed" => i.State == "closed",
                    _ => i.State == "open",
                })
                .Where(i => head.Length == 0
                    || ((headOwner is null || string.Equals(headOwner, r.Owner, StringComparison.OrdinalIgnoreCase)) && i.Pull!.HeadRef == headBranch))
                .Where(i => baseRef.Length == 0 || i.Pull!.BaseRef == baseRef);
            var ascending = direction.Length > 0 ? direction == "asc" : sort is "popularity" or "long-running";
            Func<IssueState, DateTimeOffset> key = sort == "updated" ? i => i.UpdatedAt : i => i.CreatedAt;
            var ordered = ascending
                ? pulls.OrderBy(key).ThenBy(i => i.Number)
                : pulls.OrderByDescending(key).ThenByDescending(i => i.Number);
            return Pagination.Json(context, BaseUrl, [.. ordered.Select(i => PullJson(r, i))]);
        }
    }

    private async Task<GitHubResult> CreatePullAsync(HttpContext context, string owner, string repo)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var title = Str(body, "title");
        var head = Str(body, "head");
        var baseRef = Str(body, "base");
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (string.IsNullOrWhiteSpace(title))
            {
                return GitHubResult.Validation("PullRequest", "missing_field", "title");
            }

            if (string.IsNullOrEmpty(head))
            {
                return GitHubResult.Validation("PullRequest", "missing_field", "head");
            }

            if (string.IsNullOrEmpty(baseRef))
            {
                return GitHubResult.Validation("PullRequest", "missing_field", "base");
            }

            var headBranch = head;
            var colon = head.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                if (!string.Equals(head[..colon], r.Owner, StringComparison.OrdinalIgnoreCase))
                {
                    return GitHubResult.Validation("PullRequest", "invalid", "head");
                }

                headBranch = head[(colon + 1)..];
            }

            if (!r.Branches.TryGetValue(baseRef, out var baseSha))
            {
                return GitHubResult.Validation("PullRequest", "invalid", "base");
            }

            if (!r.Branches.TryGetValue(headBranch, out var headSha))
            {
                return GitHubResult.Validation("PullRequest", "invalid", "head");
            }

            if (r.Issues.Values.Any(i => i.Pull is not null && i.State == "open" && i.Pull.HeadRef == headBranch && i.Pull.BaseRef == baseRef))
            {
                return GitHubResult.Validation("PullRequest", "custom", message: $"A pull request already exists for {r.Owner}:{headBranch}.");
            }

            if (headSha == baseSha)
            {
                return GitHubResult.Validation("PullRequest", "custom", message: $"No commits between {baseRef} and {headBranch}");
            }

            var issue = NewPull(r, _botUser.Login, title, Str(body, "body"), headBranch, baseRef, Bool(body, "draft") ?? false);
            return GitHubResult.Json(PullJson(r, issue), 201);
        }
    }

    private async Task<GitHubResult> UpdatePullAsync(HttpContext context, string owner, string repo, int number)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue) || issue.Pull is null)
            {
                return GitHubResult.NotFound();
            }

            var state = Str(body, "state");
            if (state is not null and not "open" and not "closed")
            {
                return GitHubResult.Validation("PullRequest", "invalid", "state");
            }

            if (Str(body, "base") is { } newBase)
            {
                if (!r.Branches.ContainsKey(newBase))
                {
                    return GitHubResult.Validation("PullRequest", "invalid", "base");
                }

                issue.Pull.BaseRef = newBase;
            }

            issue.Title = Str(body, "title") ?? issue.Title;
            if (Has(body, "body"))
            {
                issue.Body = Str(body, "body");
            }

            if (state is not null && state != issue.State)
            {
                if (issue.Pull.Merged)
                {
                    return GitHubResult.Validation("PullRequest", "custom", "state", "state cannot be changed. The pull request has been merged.");
                }

                issue.Pull.HeadSha = PullHeadSha(r, issue.Pull);
                SetState(issue, state, null, _botUser.Login);
            }

            issue.UpdatedAt = Clock();
            return GitHubResult.Json(PullJson(r, issue));
        }
    }

    private GitHubResult ListRequestedReviewers(HttpContext context, string owner, string repo, int number)
    {
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue) || issue.Pull is null)
            {
                return GitHubResult.NotFound();
            }

            return GitHubResult.Json(new RequestedReviewersJson(
                [.. issue.Pull.Reviewers.Select(UserJson)],
                [.. issue.Pull.Teams.Select(t => TeamJson(r, t))]));
        }
    }

    private Task<GitHubResult> RequestReviewersAsync(HttpContext context, string owner, string repo, int number) =>
        ChangeReviewersAsync(context, owner, repo, number, add: true);

    private Task<GitHubResult> RemoveRequestedReviewersAsync(HttpContext context, string owner, string repo, int number) =>
        ChangeReviewersAsync(context, owner, repo, number, add: false);

    private async Task<GitHubResult> ChangeReviewersAsync(HttpContext context, string owner, string repo, int number, bool add)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var reviewers = Strings(body?["reviewers"]) ?? [];
        var teams = Strings(body?["team_reviewers"]) ?? [];
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue) || issue.Pull is null)
            {
                return GitHubResult.NotFound();
            }

            var pull = issue.Pull;
            if (!add)
            {
                pull.Reviewers.RemoveAll(x => reviewers.Contains(x, StringComparer.OrdinalIgnoreCase));
                pull.Teams.RemoveAll(x => teams.Contains(x, StringComparer.OrdinalIgnoreCase));
                return GitHubResult.Json(PullJson(r, issue));
            }

            if (reviewers.Any(x => string.Equals(x, issue.Author, StringComparison.OrdinalIgnoreCase)))
            {
                return GitHubResult.Validation("PullRequest", "custom", message: "Review cannot be requested from pull request author.");
            }

            foreach (var login in reviewers.Where(x => !pull.Reviewers.Contains(x, StringComparer.OrdinalIgnoreCase)))
            {
                EnsureUser(login);
                pull.Reviewers.Add(login);
            }

            foreach (var team in teams.Where(x => !pull.Teams.Contains(x, StringComparer.OrdinalIgnoreCase)))
            {
                pull.Teams.Add(team);
            }

            issue.UpdatedAt = Clock();
            return GitHubResult.Json(PullJson(r, issue), 201);
        }
    }
}
