using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TagBot.Tests.FakeGitHub;

// Routes, as Octokit requests them (relative to BaseUrl), and the repository, contents and git handlers.
public sealed partial class FakeGitHubServer
{
    private void MapEndpoints(WebApplication app)
    {
        var appAuth = new AuthRequirement(AuthKind.App);
        var installationAuth = new AuthRequirement(AuthKind.Installation);

        app.MapGet("/app", GetApp).WithMetadata(appAuth);
        app.MapGet("/app/installations", ListInstallations).WithMetadata(appAuth);
        app.MapGet("/app/installations/{installationId:long}", GetInstallation).WithMetadata(appAuth);
        app.MapPost("/app/installations/{installationId:long}/access_tokens", CreateInstallationToken).WithMetadata(appAuth);
        app.MapGet("/repos/{owner}/{repo}/installation", GetRepositoryInstallation).WithMetadata(appAuth);
        app.MapGet("/installation/repositories", ListInstallationRepositories).WithMetadata(installationAuth);
        app.MapGet("/rate_limit", GetRateLimit).WithMetadata(new AuthRequirement(AuthKind.None));
        app.MapGet("/users/{username}", GetUser).WithMetadata(new AuthRequirement(AuthKind.None));

        var repos = app.MapGroup("/repos/{owner}/{repo}").WithMetadata(installationAuth);
        repos.MapGet("", GetRepository);

        repos.MapGet("/contents/{**path}", GetContents);
        repos.MapPut("/contents/{**path}", PutContentsAsync);
        repos.MapGet("/branches", ListBranches);
        repos.MapGet("/branches/{**branch}", GetBranch);
        repos.MapGet("/git/refs/{**reference}", GetReference);
        repos.MapGet("/git/ref/{**reference}", GetReference);
        repos.MapPost("/git/refs", CreateReferenceAsync);
        repos.MapDelete("/git/refs/{**reference}", DeleteReference);
        repos.MapGet("/collaborators/{username}", CheckCollaborator);
        repos.MapGet("/collaborators/{username}/permission", GetCollaboratorPermission);

        repos.MapGet("/issues", ListIssues);
        repos.MapPost("/issues", CreateIssueAsync);
        repos.MapGet("/issues/{number:int}", GetIssue);
        repos.MapPatch("/issues/{number:int}", UpdateIssueAsync);
        repos.MapGet("/issues/comments", ListRepositoryComments);
        repos.MapGet("/issues/comments/{commentId:long}", GetComment);
        repos.MapPatch("/issues/comments/{commentId:long}", UpdateCommentAsync);
        repos.MapDelete("/issues/comments/{commentId:long}", DeleteCommentEndpoint);
        repos.MapGet("/issues/comments/{commentId:long}/reactions", ListReactions);
        repos.MapPost("/issues/comments/{commentId:long}/reactions", CreateReactionAsync);
        repos.MapDelete("/issues/comments/{commentId:long}/reactions/{reactionId:long}", DeleteReaction);
        repos.MapGet("/issues/{number:int}/comments", ListComments);
        repos.MapPost("/issues/{number:int}/comments", CreateCommentAsync);

        repos.MapGet("/labels", ListLabels);
        repos.MapPost("/labels", CreateLabelAsync);
        repos.MapGet("/labels/{**name}", GetLabel);
        repos.MapPatch("/labels/{**name}", UpdateLabelAsync);
        repos.MapPost("/labels/{**name}", UpdateLabelAsync);
        repos.MapDelete("/labels/{**name}", DeleteLabel);
        repos.MapGet("/issues/{number:int}/labels", ListIssueLabels);
        repos.MapPost("/issues/{number:int}/labels", AddIssueLabelsAsync);
        repos.MapPut("/issues/{number:int}/labels", ReplaceIssueLabelsAsync);
        repos.MapDelete("/issues/{number:int}/labels", RemoveAllIssueLabels);
        repos.MapDelete("/issues/{number:int}/labels/{**name}", RemoveIssueLabel);

        repos.MapGet("/pulls", ListPulls);
        repos.MapPost("/pulls", CreatePullAsync);
        repos.MapGet("/pulls/{number:int}", GetPull);
        repos.MapPatch("/pulls/{number:int}", UpdatePullAsync);
        repos.MapGet("/pulls/{number:int}/requested_reviewers", ListRequestedReviewers);
        repos.MapPost("/pulls/{number:int}/requested_reviewers", RequestReviewersAsync);
        repos.MapDelete("/pulls/{number:int}/requested_reviewers", RemoveRequestedReviewersAsync);
    }

    // ---- request helpers -------------------------------------------------------------------

    private static async Task<(JsonNode? Body, GitHubResult? Error)> ReadJsonAsync(HttpContext context)
    {
        if (context.Request.Body.CanSeek)
        {
            context.Request.Body.Position = 0;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (JsonException)
        {
            return (null, GitHubResult.Error(400, "Problems parsing JSON"));
        }
    }

    private static bool Has(JsonNode? body, string name) => body is JsonObject o && o.ContainsKey(name);

    private static string? Str(JsonNode? body, string name) =>
        body is JsonObject o && o.TryGetPropertyValue(name, out var value) ? AsString(value) : null;

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool? Bool(JsonNode? body, string name) =>
        body is JsonObject o && o.TryGetPropertyValue(name, out var value) && value is JsonValue v
        && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : null;

    /// <summary>Strings of a JSON array; items may also be objects with a "name" (label objects).</summary>
    private static List<string>? Strings(JsonNode? node) => node is JsonArray array
        ? [.. array.Select(item => AsString(item) ?? Str(item, "name")).OfType<string>()]
        : null;

    private static string Query(HttpContext context, string name) => context.Request.Query[name].ToString();

    /// <summary>Finds a repository the calling installation can see; other installations get 404 like on GitHub.</summary>
    private bool TryRepo(HttpContext context, string owner, string repo, [NotNullWhen(true)] out RepoState? state)
    {
        state = null;
        if (!_repos.TryGetValue($"{owner}/{repo}", out var found))
        {
            return false;
        }

        var caller = Caller(context);
        if (caller.Kind == CallerKind.Installation && caller.InstallationId != found.InstallationId)
        {
            return false;
        }

        state = found;
        return true;
    }

    /// <summary>A branch name, "refs/heads/x", "heads/x" or a commit sha (7+ hex digits) to a commit.</summary>
    private static CommitState? ResolveRef(RepoState repo, string reference)
    {
        var name = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..]
            : reference.StartsWith("heads/", StringComparison.Ordinal) ? reference["heads/".Length..]
            : reference;
        if (repo.Branches.TryGetValue(name, out var sha))
        {
            return repo.Commits[sha];
        }

        if (repo.Commits.TryGetValue(reference, out var commit))
        {
            return commit;
        }

        if (reference.Length >= 7 && reference.All(Uri.IsHexDigit))
        {
            var matches = repo.Commits.Values.Where(c => c.Sha.StartsWith(reference, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }

        return null;
    }

    // ---- repository ------------------------------------------------------------------------

    private GitHubResult GetRepository(HttpContext context, string owner, string repo)
    {
        lock (_gate)
        {
            return TryRepo(context, owner, repo, out var r) ? GitHubResult.Json(RepoJson(r)) : GitHubResult.NotFound();
        }
    }

    private GitHubResult CheckCollaborator(HttpContext context, string owner, string repo, string username)
    {
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            return string.Equals(username, r.Owner, StringComparison.OrdinalIgnoreCase) || r.Collaborators.ContainsKey(username)
                ? GitHubResult.NoContent()
                : GitHubResult.NotFound();
        }
    }

    /// <summary>A user by login, as GitHub answers it (the public fields TagBot reads: login, id, type).</summary>
    private GitHubResult GetUser(string username)
    {
        lock (_gate)
        {
            return _users.TryGetValue(username, out var user) ? GitHubResult.Json(UserJson(user)) : GitHubResult.Error(404, "Not Found");
        }
    }

    private GitHubResult GetCollaboratorPermission(HttpContext context, string owner, string repo, string username)
    {
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (!_users.ContainsKey(username))
            {
                return GitHubResult.Error(404, $"{username} is not a user");
            }

            var role = string.Equals(username, r.Owner, StringComparison.OrdinalIgnoreCase) ? "admin"
                : r.Collaborators.TryGetValue(username, out var granted) ? granted
                : r.Private ? "none" : "read";
            var permission = role switch
            {
                "admin" => "admin",
                "maintain" or "write" => "write",
                "triage" or "read" => "read",
                _ => "none",
            };
            return GitHubResult.Json(new CollaboratorPermissionJson(permission, role, UserJson(username)));
        }
    }

    // ---- contents ----------------------------------------------------------------------------

    private GitHubResult GetContents(HttpContext context, string owner, string repo)
    {
        var path = RawTail(context, 4);
        var reference = Query(context, "ref");
        var raw = context.Request.Headers.Accept.ToString().Contains(".raw", StringComparison.OrdinalIgnoreCase);
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (reference.Length == 0)
            {
                reference = r.DefaultBranch;
            }

            var commit = ResolveRef(r, reference);
            if (commit is null)
            {
                return GitHubResult.Error(404, $"No commit found for the ref {reference}");
            }

            if (path.Length > 0 && commit.Tree.TryGetValue(path, out var content))
            {
                return raw
                    ? GitHubResult.Bytes([.. content], "application/vnd.github.v3.raw")
                    : GitHubResult.Json(FileJson(r, reference, path, content, includeContent: true));
            }

            var prefix = path.Length == 0 ? "" : path + "/";
            var children = commit.Tree.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (children.Count == 0)
            {
                return path.Length == 0 ? GitHubResult.Error(404, "This repository is empty.") : GitHubResult.NotFound();
            }

            var entries = new List<ContentJson>();
            foreach (var group in children.GroupBy(f => f.Key[prefix.Length..].Split('/')[0], StringComparer.Ordinal))
            {
                var childPath = prefix + group.Key;
                entries.Add(commit.Tree.TryGetValue(childPath, out var bytes)
                    ? FileJson(r, reference, childPath, bytes, includeContent: false)
                    // Like a git tree SHA: the names below the directory and their blobs, not where it sits, so
                    // "a" holding "b/f" and "a/b" holding "f" differ, and equal trees anywhere are equal.
                    : DirectoryJson(r, reference, childPath, GitHash.Sha1Hex(string.Join('\n', group.Select(f => f.Key[(childPath.Length + 1)..] + GitHash.Blob(f.Value))))));
            }

            return GitHubResult.Json(entries);
        }
    }

    private async Task<GitHubResult> PutContentsAsync(HttpContext context, string owner, string repo)
    {
        var path = RawTail(context, 4);
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var message = Str(body, "message");
        var encoded = Str(body, "content");
        if (message is null)
        {
            return GitHubResult.Validation("Commit", "missing_field", "message", "message wasn't supplied.");
        }

        if (encoded is null)
        {
            return GitHubResult.Validation("Commit", "missing_field", "content", "content wasn't supplied.");
        }

        byte[] content;
        try
        {
            content = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            return GitHubResult.Error(422, "content is not valid Base64");
        }

        var sha = Str(body, "sha");
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (path.Length == 0)
            {
                return GitHubResult.Error(422, "path cannot be blank");
            }

            var branch = Str(body, "branch") ?? r.DefaultBranch;
            if (!r.Branches.TryGetValue(branch, out var head))
            {
                return GitHubResult.Error(404, $"Branch {branch} not found");
            }

            var exists = r.Commits[head].Tree.TryGetValue(path, out var current);
            if (exists && sha is null)
            {
                return GitHubResult.Error(422, "Invalid request.\n\n\"sha\" wasn't supplied.");
            }

            if (exists && !string.Equals(sha, GitHash.Blob(current!), StringComparison.OrdinalIgnoreCase))
            {
                return GitHubResult.Error(409, $"{path} does not match {sha}");
            }

            var commit = CommitFiles(r, branch, tree => tree.SetItem(path, content), message);
            return GitHubResult.Json(
                new ContentChangeJson(FileJson(r, branch, path, content, includeContent: false), CommitJson(r, commit)),
                exists ? 200 : 201);
        }
    }

    // ---- branches and git refs ---------------------------------------------------------------

    private GitHubResult ListBranches(HttpContext context, string owner, string repo)
    {
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            return Pagination.Json(context, BaseUrl, [.. r.Branches.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => BranchJson(r, b.Key, b.Value))]);
        }
    }

    private GitHubResult GetBranch(HttpContext context, string owner, string repo)
    {
        var branch = RawTail(context, 4);
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            return r.Branches.TryGetValue(branch, out var sha) ? GitHubResult.Json(BranchJson(r, branch, sha)) : GitHubResult.Error(404, "Branch not found");
        }
    }

    private GitHubResult GetReference(HttpContext context, string owner, string repo)
    {
        var reference = RawTail(context, 5);
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (reference.StartsWith("heads/", StringComparison.Ordinal) && r.Branches.TryGetValue(reference["heads/".Length..], out var sha))
            {
                return GitHubResult.Json(RefJson(r, reference["heads/".Length..], sha));
            }

            return GitHubResult.NotFound();
        }
    }

    private async Task<GitHubResult> CreateReferenceAsync(HttpContext context, string owner, string repo)
    {
        var (body, error) = await ReadJsonAsync(context);
        if (error is not null)
        {
            return error;
        }

        var reference = Str(body, "ref");
        var sha = Str(body, "sha");
        if (reference is null || sha is null)
        {
            return GitHubResult.Error(422, "Invalid request.\n\n\"ref\" and \"sha\" are required.");
        }

        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (!reference.StartsWith("refs/", StringComparison.Ordinal) || reference.Count(c => c == '/') < 2)
            {
                return GitHubResult.Error(422, "Reference name must start with 'refs/' and have at least two slashes.");
            }

            if (!reference.StartsWith("refs/heads/", StringComparison.Ordinal))
            {
                return GitHubResult.Error(422, "The fake GitHub only supports refs/heads/*");
            }

            if (!r.Commits.TryGetValue(sha, out var commit))
            {
                return GitHubResult.Error(422, "Object does not exist");
            }

            var branch = reference["refs/heads/".Length..];
            if (!r.Branches.TryAdd(branch, commit.Sha))
            {
                return GitHubResult.Error(422, "Reference already exists");
            }

            return GitHubResult.Json(RefJson(r, branch, commit.Sha), 201);
        }
    }

    private GitHubResult DeleteReference(HttpContext context, string owner, string repo)
    {
        var reference = RawTail(context, 5);
        lock (_gate)
        {
            if (!TryRepo(context, owner, repo, out var r))
            {
                return GitHubResult.NotFound();
            }

            if (!reference.StartsWith("heads/", StringComparison.Ordinal) || !r.Branches.ContainsKey(reference["heads/".Length..]))
            {
                return GitHubResult.Error(422, "Reference does not exist");
            }

            var branch = reference["heads/".Length..];
            if (branch == r.DefaultBranch)
            {
                return GitHubResult.Error(422, "Cannot delete the default branch");
            }

            r.Branches.Remove(branch);
            return GitHubResult.NoContent();
        }
    }
}
