using System.Globalization;
using System.Text;

namespace TagBot.Tests.FakeGitHub;

// State -> GitHub JSON. Called with the lock held. API urls point at the fake; html urls at github.com.
public sealed partial class FakeGitHubServer
{
    private const string Html = "https://github.com/";

    private static readonly DateTimeOffset AppCreatedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> AppPermissions = new(StringComparer.Ordinal)
    {
        ["contents"] = "write",
        ["issues"] = "write",
        ["metadata"] = "read",
        ["pull_requests"] = "write",
    };

    private static readonly string[] AppEvents = ["issue_comment", "issues", "label", "pull_request"];

    private string Api(string relative) => BaseUrl + relative;

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Escape));

    private static string NodeId(string prefix, long id) =>
        prefix + "_kwDO" + Convert.ToBase64String(Encoding.ASCII.GetBytes(id.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private UserJson UserJson(string login) => UserJson(EnsureUser(login));

    private UserJson UserJson(UserState user)
    {
        var isBot = user.Type == "Bot";
        return new UserJson(
            user.Login,
            user.Id,
            NodeId(isBot ? "BOT" : "U", user.Id),
            $"https://avatars.githubusercontent.com/{(isBot ? "in/" + user.Id.ToString(CultureInfo.InvariantCulture) : "u/" + user.Id.ToString(CultureInfo.InvariantCulture))}?v=4",
            "",
            Api($"users/{Escape(user.Login)}"),
            isBot && user == _botUser ? $"{Html}apps/{AppSlug}" : Html + user.Login,
            Api($"users/{Escape(user.Login)}/followers"),
            Api($"users/{Escape(user.Login)}/repos"),
            user.Type,
            "public",
            false);
    }

    private LabelJson LabelJson(RepoState repo, LabelState label) => new(
        label.Id,
        NodeId("LA", label.Id),
        Api($"repos/{repo.FullName}/labels/{Escape(label.Name)}"),
        label.Name,
        label.Color,
        false,
        label.Description);

    private List<LabelJson> LabelsJson(RepoState repo, IEnumerable<LabelState> labels) =>
        [.. SortedLabels(labels).Select(l => LabelJson(repo, l))];

    private static ReactionSummaryJson ReactionSummary(string url, List<ReactionState> reactions)
    {
        int Count(string content) => reactions.Count(r => r.Content == content);
        return new ReactionSummaryJson(
            url,
            reactions.Count,
            Count("+1"),
            Count("-1"),
            Count("laugh"),
            Count("hooray"),
            Count("confused"),
            Count("heart"),
            Count("rocket"),
            Count("eyes"));
    }

    private string IssueHtmlUrl(RepoState repo, IssueState issue) =>
        $"{Html}{repo.FullName}/{(issue.Pull is null ? "issues" : "pull")}/{issue.Number}";

    private IssueJson IssueJson(RepoState repo, IssueState issue)
    {
        var url = Api($"repos/{repo.FullName}/issues/{issue.Number}");
        IssuePullRequestLinkJson? pull = null;
        if (issue.Pull is not null)
        {
            var pullUrl = Api($"repos/{repo.FullName}/pulls/{issue.Number}");
            var html = IssueHtmlUrl(repo, issue);
            pull = new IssuePullRequestLinkJson(pullUrl, html, html + ".diff", html + ".patch", issue.Pull.MergedAt);
        }

        return new IssueJson(
            url,
            Api($"repos/{repo.FullName}"),
            url + "/labels{/name}",
            url + "/comments",
            url + "/events",
            IssueHtmlUrl(repo, issue),
            issue.Id,
            NodeId(issue.Pull is null ? "I" : "PR", issue.Id),
            issue.Number,
            issue.Title,
            UserJson(issue.Author),
            LabelsJson(repo, issue.Labels),
            issue.State,
            issue.Locked,
            null,
            [],
            null,
            issue.Comments.Count,
            issue.CreatedAt,
            issue.UpdatedAt,
            issue.ClosedAt,
            AuthorAssociation(repo, issue.Author),
            null,
            issue.Pull?.Draft,
            pull,
            issue.Body,
            issue.ClosedBy is null ? null : UserJson(issue.ClosedBy),
            ReactionSummary(url + "/reactions", []),
            url + "/timeline",
            null,
            issue.StateReason);
    }

    private CommentJson CommentJson(CommentState comment)
    {
        var repo = comment.Repo;
        var issue = repo.Issues[comment.IssueNumber];
        var url = Api($"repos/{repo.FullName}/issues/comments/{comment.Id}");
        return new CommentJson(
            url,
            $"{IssueHtmlUrl(repo, issue)}#issuecomment-{comment.Id}",
            Api($"repos/{repo.FullName}/issues/{comment.IssueNumber}"),
            comment.Id,
            NodeId("IC", comment.Id),
            UserJson(comment.Author),
            comment.CreatedAt,
            comment.UpdatedAt,
            AuthorAssociation(repo, comment.Author),
            comment.Body,
            ReactionSummary(url + "/reactions", comment.Reactions),
            string.Equals(comment.Author, _botUser.Login, StringComparison.OrdinalIgnoreCase) ? AppJson() : null);
    }

    private ReactionJson ReactionJson(ReactionState reaction) =>
        new(reaction.Id, NodeId("REA", reaction.Id), UserJson(reaction.User), reaction.Content, reaction.CreatedAt);

    private RepositoryJson RepoJson(RepoState repo)
    {
        var openIssues = repo.Issues.Values.Count(i => i.State == "open");
        return new RepositoryJson(
            repo.Id,
            NodeId("R", repo.Id),
            repo.Name,
            repo.FullName,
            repo.Private,
            UserJson(repo.Owner),
            Html + repo.FullName,
            null,
            false,
            Api($"repos/{repo.FullName}"),
            $"git://github.com/{repo.FullName}.git",
            $"git@github.com:{repo.FullName}.git",
            $"{Html}{repo.FullName}.git",
            null,
            0,
            0,
            0,
            null,
            true,
            true,
            true,
            false,
            true,
            false,
            0,
            false,
            false,
            openIssues,
            null,
            true,
            false,
            [],
            repo.Private ? "private" : "public",
            0,
            openIssues,
            0,
            repo.DefaultBranch,
            repo.CreatedAt,
            repo.PushedAt,
            repo.PushedAt,
            new RepositoryPermissionsJson(false, false, true, true, true));
    }

    private ContentJson FileJson(RepoState repo, string reference, string path, byte[] content, bool includeContent)
    {
        var sha = GitHash.Blob(content);
        var url = Api($"repos/{repo.FullName}/contents/{EscapePath(path)}?ref={Escape(reference)}");
        var gitUrl = Api($"repos/{repo.FullName}/git/blobs/{sha}");
        var htmlUrl = $"{Html}{repo.FullName}/blob/{EscapePath(reference)}/{EscapePath(path)}";
        return new ContentJson(
            "file",
            includeContent ? "base64" : null,
            content.Length,
            path[(path.LastIndexOf('/') + 1)..],
            path,
            includeContent ? WrapBase64(content) : null,
            sha,
            url,
            gitUrl,
            htmlUrl,
            $"https://raw.githubusercontent.com/{repo.FullName}/{EscapePath(reference)}/{EscapePath(path)}",
            new ContentLinksJson(url, gitUrl, htmlUrl));
    }

    private ContentJson DirectoryJson(RepoState repo, string reference, string path, string treeSha)
    {
        var url = Api($"repos/{repo.FullName}/contents/{EscapePath(path)}?ref={Escape(reference)}");
        var gitUrl = Api($"repos/{repo.FullName}/git/trees/{treeSha}");
        var htmlUrl = $"{Html}{repo.FullName}/tree/{EscapePath(reference)}/{EscapePath(path)}";
        return new ContentJson("dir", null, 0, path[(path.LastIndexOf('/') + 1)..], path, null, treeSha, url, gitUrl, htmlUrl, null, new ContentLinksJson(url, gitUrl, htmlUrl));
    }

    /// <summary>Base64 wrapped at 60 characters with a trailing newline, as GitHub's contents API sends it.</summary>
    internal static string WrapBase64(byte[] content)
    {
        var base64 = Convert.ToBase64String(content);
        var builder = new StringBuilder(base64.Length + (base64.Length / 60) + 1);
        for (var i = 0; i < base64.Length; i += 60)
        {
            builder.Append(base64, i, Math.Min(60, base64.Length - i)).Append('\n');
        }

        return builder.ToString();
    }

    private GitCommitJson CommitJson(RepoState repo, CommitState commit)
    {
        var actor = new GitActorJson(_botUser.Login, $"{_botUser.Id}+{_botUser.Login}@users.noreply.github.com", commit.At);
        var treeSha = GitHash.Sha1Hex("tree " + commit.Sha);
        return new GitCommitJson(
            commit.Sha,
            "C_kwDO" + commit.Sha[..16],
            Api($"repos/{repo.FullName}/git/commits/{commit.Sha}"),
            $"{Html}{repo.FullName}/commit/{commit.Sha}",
            actor,
            actor,
            commit.Message,
            new ShaUrlJson(treeSha, Api($"repos/{repo.FullName}/git/trees/{treeSha}")),
            commit.Parent is null
                ? []
                : [new ParentJson(commit.Parent, Api($"repos/{repo.FullName}/git/commits/{commit.Parent}"), $"{Html}{repo.FullName}/commit/{commit.Parent}")],
            new VerificationJson(false, "unsigned", null, null, null));
    }

    private ReferenceJson RefJson(RepoState repo, string branch, string sha) => new(
        $"refs/heads/{branch}",
        "REF_kwDO" + GitHash.Sha1Hex($"{repo.FullName}:{branch}")[..16],
        Api($"repos/{repo.FullName}/git/refs/heads/{EscapePath(branch)}"),
        new GitObjectJson(sha, "commit", Api($"repos/{repo.FullName}/git/commits/{sha}")));

    private BranchJson BranchJson(RepoState repo, string branch, string sha) => new(
        branch,
        new ShaUrlJson(sha, Api($"repos/{repo.FullName}/commits/{sha}")),
        false,
        Api($"repos/{repo.FullName}/branches/{EscapePath(branch)}/protection"));

    private TeamJson TeamJson(RepoState repo, string slug)
    {
        if (!_teams.TryGetValue(slug, out var id))
        {
            id = _nextTeamId++;
            _teams[slug] = id;
        }

        return new TeamJson(
            id,
            NodeId("T", id),
            Api($"orgs/{repo.Owner}/teams/{Escape(slug)}"),
            $"{Html}orgs/{repo.Owner}/teams/{slug}",
            slug,
            slug,
            null,
            "closed",
            "notifications_enabled",
            "pull",
            Api($"orgs/{repo.Owner}/teams/{Escape(slug)}/members{{/member}}"),
            Api($"orgs/{repo.Owner}/teams/{Escape(slug)}/repos"),
            null);
    }

    private PullRequestJson PullJson(RepoState repo, IssueState issue)
    {
        var pull = issue.Pull!;
        var url = Api($"repos/{repo.FullName}/pulls/{issue.Number}");
        var html = IssueHtmlUrl(repo, issue);
        var repoJson = RepoJson(repo);
        var owner = UserJson(repo.Owner);
        var baseSha = repo.Branches.TryGetValue(pull.BaseRef, out var b) ? b : pull.HeadSha;
        return new PullRequestJson(
            url,
            pull.Id,
            NodeId("PR", pull.Id),
            html,
            html + ".diff",
            html + ".patch",
            Api($"repos/{repo.FullName}/issues/{issue.Number}"),
            url + "/commits",
            url + "/comments",
            Api($"repos/{repo.FullName}/issues/{issue.Number}/comments"),
            Api($"repos/{repo.FullName}/statuses/{PullHeadSha(repo, pull)}"),
            issue.Number,
            issue.State,
            issue.Locked,
            issue.Title,
            UserJson(issue.Author),
            issue.Body,
            LabelsJson(repo, issue.Labels),
            null,
            null,
            issue.CreatedAt,
            issue.UpdatedAt,
            issue.ClosedAt,
            pull.MergedAt,
            pull.MergeCommitSha,
            null,
            [],
            [.. pull.Reviewers.Select(UserJson)],
            [.. pull.Teams.Select(t => TeamJson(repo, t))],
            new PullRefJson($"{repo.Owner}:{pull.HeadRef}", pull.HeadRef, PullHeadSha(repo, pull), owner, repoJson),
            new PullRefJson($"{repo.Owner}:{pull.BaseRef}", pull.BaseRef, baseSha, owner, repoJson),
            AuthorAssociation(repo, issue.Author),
            null,
            pull.Draft,
            pull.Merged,
            issue.State == "open" ? true : null,
            issue.State == "open" ? true : null,
            issue.State == "open" ? "clean" : "unknown",
            pull.MergedBy is null ? null : UserJson(pull.MergedBy),
            issue.Comments.Count,
            0,
            true,
            1,
            0,
            0,
            0);
    }

    private AppJson AppJson() => new(
        AppId,
        AppSlug,
        NodeId("A", AppId),
        "Iv1." + AppId.ToString("x12", CultureInfo.InvariantCulture),
        UserJson(EnsureUser($"{AppSlug}-maintainers", "Organization")),
        _options.AppName,
        "Governance bot for GitHub issues (fake).",
        $"https://{AppSlug}.example.invalid",
        $"{Html}apps/{AppSlug}",
        AppCreatedAt,
        AppCreatedAt,
        AppPermissions,
        AppEvents,
        _installations.Count);

    private InstallationJson InstallationJson(InstallationState installation)
    {
        var account = EnsureUser(installation.Account);
        return new InstallationJson(
            installation.Id,
            UserJson(account),
            "selected",
            Api($"app/installations/{installation.Id}/access_tokens"),
            Api("installation/repositories"),
            account.Type == "Organization"
                ? $"{Html}organizations/{account.Login}/settings/installations/{installation.Id}"
                : $"{Html}settings/installations/{installation.Id}",
            AppId,
            AppSlug,
            account.Id,
            account.Type == "Organization" ? "Organization" : "User",
            AppPermissions,
            AppEvents,
            installation.CreatedAt,
            installation.CreatedAt,
            null,
            null,
            null);
    }
}
