using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TagBot.Tests.FakeGitHub;

// Issues, issue comments, reactions and labels. Everything an installation token writes is
// authored by the app's bot user.
public sealed partial class FakeGitHubServer
{
    // ---- issues ----------------------------------------------------------------------------

    private GitHubResult GetIssue(HttpContext context, string owner, string repo, int number)
    {
        lock (_gate)
        {
            return TryRepo(context, owner, repo, out var r) && r.Issues.TryGetValue(number, out var issue)
                ? GitHubResult.Json(IssueJson(r, issue))
                : GitHubResult.NotFound();
        }
    }

    private GitHubResult ListIssues(HttpContext context, string owner, string repo)
    {
        var state = Query(context, "state");
        var labels = Query(context, "labels").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var creator = Query(context, "creator");
        var since = ParseSince(Query(context, "since"));
        var sort = Query(context, "sort");
        var ascending = Query(context, "direction") == "asc";
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            var issues = r.Issues.Values
                .Where(i => state switch
                {
                    "all" => true,
                    "closed" => i.State == "closed",
                    _ => i.State == "open",
                })
                .Where(i => labels.All(name => i.Labels.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))))
                .Where(i => creator.Length == 0 || string.Equals(i.Author, creator, StringComparison.OrdinalIgnoreCase))
                .Where(i => since is null || i.UpdatedAt >= since);
            Func<IssueState, object> key = sort switch
            {
                "updated" => i => i.UpdatedAt,
                "comments" => i => i.Comments.Count,
                _ => i => i.CreatedAt,
            };
            var ordered = ascending
                ? issues.OrderBy(key).ThenBy(i => i.Number)
                : issues.OrderByDescending(key).ThenByDescending(i => i.Number);
            return Pagination.Json(context, BaseUrl, [.. ordered.Select(i => IssueJson(r, i))]);
        }
    }

    /// <summary>POST /repos/{o}/{r}/issues: opened by the App's bot user; unknown labels are created.</summary>
    private async Task<GitHubResult> CreateIssueAsync(HttpContext context, string owner, string repo)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var title = Str(body, "title");
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (string.IsNullOrWhiteSpace(title))
            {
                return GitHubResult.Validation("Issue", "missing_field", "title");
            }

            var text = Str(body, "body");
            if (text is { Length: > 65536 })
            {
                return GitHubResult.Validation("Issue", "custom", "body", "Body is too long (maximum is 65536 characters)");
            }

            var labels = (Strings(body?["labels"]) ?? []).Where(n => !string.IsNullOrWhiteSpace(n));
            var issue = NewIssue(r, _botUser.Login, title, text, labels, Clock());
            return GitHubResult.Json(IssueJson(r, issue), 201);
        }
    }

    private async Task<GitHubResult> UpdateIssueAsync(HttpContext context, string owner, string repo, int number)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue))
            {
                return GitHubResult.NotFound();
            }

            var state = Str(body, "state");
            if (state is not null and not "open" and not "closed")
            {
                return GitHubResult.Validation("Issue", "invalid", "state");
            }

            var reason = Str(body, "state_reason");
            if (reason is not null and not "completed" and not "not_planned" and not "reopened" and not "duplicate")
            {
                return GitHubResult.Validation("Issue", "invalid", "state_reason");
            }

            var changed = false;
            if (Str(body, "title") is { } title && title != issue.Title)
            {
                issue.Title = title;
                changed = true;
            }

            if (Has(body, "body"))
            {
                issue.Body = Str(body, "body");
                changed = true;
            }

            if (Strings(body?["labels"]) is { } labels)
            {
                issue.Labels.Clear();
                foreach (var name in labels)
                {
                    var label = EnsureLabel(r, name, DefaultLabelColor);
                    if (!issue.Labels.Contains(label))
                    {
                        issue.Labels.Add(label);
                    }
                }

                changed = true;
            }

            if (state is not null && state != issue.State)
            {
                SetState(issue, state, reason ?? (state == "closed" ? "completed" : "reopened"), _botUser.Login);
            }
            else if (reason is not null && issue.State == "closed")
            {
                issue.StateReason = reason;
                changed = true;
            }

            if (changed)
            {
                issue.UpdatedAt = Clock();
            }

            return GitHubResult.Json(IssueJson(r, issue));
        }
    }

    private static DateTimeOffset? ParseSince(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since) ? since : null;

    // ---- comments ----------------------------------------------------------------------------

    private GitHubResult ListComments(HttpContext context, string owner, string repo, int number)
    {
        var since = ParseSince(Query(context, "since"));
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue))
            {
                return GitHubResult.NotFound();
            }

            // GitHub lists an issue's comments oldest first; sort/direction are not parameters of
            // this endpoint (Octokit sends sort=created&direction=asc anyway).
            return Pagination.Json(context, BaseUrl, [.. issue.Comments.Where(c => since is null || c.UpdatedAt >= since).Select(CommentJson)]);
        }
    }

    private GitHubResult ListRepositoryComments(HttpContext context, string owner, string repo)
    {
        var since = ParseSince(Query(context, "since"));
        var sort = Query(context, "sort");
        var descending = Query(context, "direction") == "desc";
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            var comments = _comments.Values.Where(c => c.Repo == r && (since is null || c.UpdatedAt >= since));
            var ordered = sort == "updated"
                ? comments.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id)
                : comments.OrderBy(c => c.Id);
            var list = descending && sort.Length > 0 ? ordered.Reverse() : ordered;
            return Pagination.Json(context, BaseUrl, [.. list.Select(CommentJson)]);
        }
    }

    private bool TryComment(HttpContext context, string owner, string repo, long commentId, out CommentState comment)
    {
        comment = null!;
        if (!TryRepo(context, owner, repo, out var r) || !_comments.TryGetValue(commentId, out var found) || found.Repo != r)
        {
            return false;
        }

        comment = found;
        return true;
    }

    private GitHubResult GetComment(HttpContext context, string owner, string repo, long commentId)
    {
        lock (_gate)
        {
            return TryComment(context, owner, repo, commentId, out var comment)
                ? GitHubResult.Json(CommentJson(comment))
                : GitHubResult.NotFound();
        }
    }

    private async Task<GitHubResult> CreateCommentAsync(HttpContext context, string owner, string repo, int number)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var text = Str(body, "body");
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue))
            {
                return GitHubResult.NotFound();
            }

            if (string.IsNullOrEmpty(text))
            {
                return GitHubResult.Validation("IssueComment", "missing_field", "body");
            }

            if (text.Length > 65536)
            {
                return GitHubResult.Validation("IssueComment", "custom", "body", "Body is too long (maximum is 65536 characters)");
            }

            var comment = NewComment(r, issue, _botUser.Login, text, Clock());
            return GitHubResult.Json(CommentJson(comment), 201);
        }
    }

    private async Task<GitHubResult> UpdateCommentAsync(HttpContext context, string owner, string repo, long commentId)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var text = Str(body, "body");
        lock (_gate)
        {
            if (!TryComment(context, owner, repo, commentId, out var comment))
            {
                return GitHubResult.NotFound();
            }

            if (string.IsNullOrEmpty(text))
            {
                return GitHubResult.Validation("IssueComment", "missing_field", "body");
            }

            if (text.Length > 65536)
            {
                return GitHubResult.Validation("IssueComment", "custom", "body", "Body is too long (maximum is 65536 characters)");
            }

            comment.Body = text;
            comment.UpdatedAt = Clock();
            comment.Repo.Issues[comment.IssueNumber].UpdatedAt = comment.UpdatedAt;
            return GitHubResult.Json(CommentJson(comment));
        }
    }

    private GitHubResult DeleteCommentEndpoint(HttpContext context, string owner, string repo, long commentId)
    {
        lock (_gate)
        {
            if (!TryComment(context, owner, repo, commentId, out var comment))
            {
                return GitHubResult.NotFound();
            }

            RemoveComment(comment);
            return GitHubResult.NoContent();
        }
    }

    // ---- reactions -----------------------------------------------------------------------------

    private GitHubResult ListReactions(HttpContext context, string owner, string repo, long commentId)
    {
        var content = Query(context, "content");
        lock (_gate)
        {
            if (!TryComment(context, owner, repo, commentId, out var comment))
            {
                return GitHubResult.NotFound();
            }

            return Pagination.Json(context, BaseUrl, [.. comment.Reactions.Where(x => content.Length == 0 || x.Content == content).Select(ReactionJson)]);
        }
    }

    private async Task<GitHubResult> CreateReactionAsync(HttpContext context, string owner, string repo, long commentId)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var content = Str(body, "content");
        lock (_gate)
        {
            if (!TryComment(context, owner, repo, commentId, out var comment))
            {
                return GitHubResult.NotFound();
            }

            if (content is null || !ReactionContents.Contains(content))
            {
                return GitHubResult.Validation("Reaction", "custom", "content", "content is not included in the list");
            }

            // GitHub answers 201 for a new reaction and 200 with the existing one when this user
            // already reacted with this content.
            var (reaction, created) = React(comment, _botUser.Login, content);
            return GitHubResult.Json(ReactionJson(reaction), created ? 201 : 200);
        }
    }

    private GitHubResult DeleteReaction(HttpContext context, string owner, string repo, long commentId, long reactionId)
    {
        lock (_gate)
        {
            if (!TryComment(context, owner, repo, commentId, out var comment) || comment.Reactions.RemoveAll(x => x.Id == reactionId) == 0)
            {
                return GitHubResult.NotFound();
            }

            return GitHubResult.NoContent();
        }
    }

    // ---- repository labels -------------------------------------------------------------------

    private GitHubResult ListLabels(HttpContext context, string owner, string repo)
    {
        lock (_gate)
        {
            return TryRepo(context, owner, repo, out var r)
                ? Pagination.Json(context, BaseUrl, LabelsJson(r, r.Labels.Values))
                : GitHubResult.NotFound();
        }
    }

    private GitHubResult GetLabel(HttpContext context, string owner, string repo)
    {
        var name = RawTail(context, 4);
        lock (_gate)
        {
            return TryRepo(context, owner, repo, out var r) && r.Labels.TryGetValue(name, out var label)
                ? GitHubResult.Json(LabelJson(r, label))
                : GitHubResult.NotFound();
        }
    }

    private async Task<GitHubResult> CreateLabelAsync(HttpContext context, string owner, string repo)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var name = Str(body, "name");
        var color = (Str(body, "color") ?? DefaultLabelColor).TrimStart('#');
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                return GitHubResult.Validation("Label", "missing_field", "name");
            }

            if (!IsColor(color))
            {
                return GitHubResult.Validation("Label", "invalid", "color");
            }

            if (r.Labels.ContainsKey(name))
            {
                return GitHubResult.Validation("Label", "already_exists", "name");
            }

            var label = EnsureLabel(r, name, color);
            label.Description = Str(body, "description");
            return GitHubResult.Json(LabelJson(r, label), 201);
        }
    }

    private async Task<GitHubResult> UpdateLabelAsync(HttpContext context, string owner, string repo)
    {
        var name = RawTail(context, 4);
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Labels.TryGetValue(name, out var label))
            {
                return GitHubResult.NotFound();
            }

            var newName = Str(body, "new_name") ?? Str(body, "name");
            if (newName is not null && !string.Equals(newName, label.Name, StringComparison.Ordinal))
            {
                if (r.Labels.TryGetValue(newName, out var other) && other != label)
                {
                    return GitHubResult.Validation("Label", "already_exists", "name");
                }

                r.Labels.Remove(label.Name);
                label.Name = newName;
                r.Labels[newName] = label;
            }

            if (Str(body, "color") is { } color)
            {
                if (!IsColor(color.TrimStart('#')))
                {
                    return GitHubResult.Validation("Label", "invalid", "color");
                }

                label.Color = color.TrimStart('#');
            }

            if (Has(body, "description"))
            {
                label.Description = Str(body, "description");
            }

            return GitHubResult.Json(LabelJson(r, label));
        }
    }

    private GitHubResult DeleteLabel(HttpContext context, string owner, string repo)
    {
        var name = RawTail(context, 4);
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Labels.TryGetValue(name, out var label))
            {
                return GitHubResult.NotFound();
            }

            r.Labels.Remove(label.Name);
            foreach (var issue in r.Issues.Values)
            {
                issue.Labels.Remove(label);
            }

            return GitHubResult.NoContent();
        }
    }

    private static bool IsColor(string color) => color.Length == 6 && color.All(Uri.IsHexDigit);

    // ---- issue labels ------------------------------------------------------------------------

    private GitHubResult ListIssueLabels(HttpContext context, string owner, string repo, int number)
    {
        lock (_gate)
        {
            return TryRepo(context, owner, repo, out var r) && r.Issues.TryGetValue(number, out var issue)
                ? Pagination.Json(context, BaseUrl, LabelsJson(r, issue.Labels))
                : GitHubResult.NotFound();
        }
    }

    private Task<GitHubResult> AddIssueLabelsAsync(HttpContext context, string owner, string repo, int number) =>
        SetIssueLabelsAsync(context, owner, repo, number, replace: false);

    private Task<GitHubResult> ReplaceIssueLabelsAsync(HttpContext context, string owner, string repo, int number) =>
        SetIssueLabelsAsync(context, owner, repo, number, replace: true);

    /// <summary>POST adds, PUT replaces. The body is {"labels":[...]} or a bare array; unknown labels are created.</summary>
    private async Task<GitHubResult> SetIssueLabelsAsync(HttpContext context, string owner, string repo, int number, bool replace)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var names = Strings(body is JsonObject o ? o["labels"] : body);
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue))
            {
                return GitHubResult.NotFound();
            }

            if (names is null)
            {
                return GitHubResult.Validation("Label", "missing_field", "labels");
            }

            if (replace)
            {
                issue.Labels.Clear();
            }

            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                var label = EnsureLabel(r, name, DefaultLabelColor);
                if (!issue.Labels.Contains(label))
                {
                    issue.Labels.Add(label);
                }
            }

            issue.UpdatedAt = Clock();
            return GitHubResult.Json(LabelsJson(r, issue.Labels));
        }
    }

    private GitHubResult RemoveIssueLabel(HttpContext context, string owner, string repo, int number)
    {
        var name = RawTail(context, 6);
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue))
            {
                return GitHubResult.NotFound();
            }

            if (issue.Labels.RemoveAll(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)) == 0)
            {
                return GitHubResult.Error(404, "Label does not exist");
            }

            issue.UpdatedAt = Clock();
            return GitHubResult.Json(LabelsJson(r, issue.Labels));
        }
    }

    private GitHubResult RemoveAllIssueLabels(HttpContext context, string owner, string repo, int number)
    {
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r) || !r.Issues.TryGetValue(number, out var issue))
            {
                return GitHubResult.NotFound();
            }

            issue.Labels.Clear();
            issue.UpdatedAt = Clock();
            return GitHubResult.NoContent();
        }
    }
}
