using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace TagBot.Tests.FakeGitHub;

// The C# face of the fake for tests: seed state as humans would, inspect what the bot did.
// Every method takes the state lock and returns immutable snapshots.
public sealed partial class FakeGitHubServer
{
    internal const string DefaultLabelColor = "ededed";

    private static readonly ImmutableSortedDictionary<string, byte[]> EmptyTree = ImmutableSortedDictionary.Create<string, byte[]>(StringComparer.Ordinal);

    private static readonly HashSet<string> ReactionContents = new(StringComparer.Ordinal)
    {
        "+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes",
    };

    private readonly Dictionary<string, UserState> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly UserState _botUser;
    private readonly Dictionary<string, RepoState> _repos = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, InstallationState> _installations = [];
    private readonly Dictionary<long, CommentState> _comments = [];
    private readonly Dictionary<string, long> _teams = new(StringComparer.OrdinalIgnoreCase);
    private long _nextUserId = 1001;
    private long _nextRepoId = 500001;
    private long _nextIssueId = 3000001;
    private long _nextCommentId = 1000001;
    private long _nextReactionId = 7000001;
    private long _nextLabelId = 4000001;
    private long _nextPullId = 8000001;
    private long _nextTeamId = 6000001;
    private long _commitCounter;

    // ---- users, installations, repositories -------------------------------------------------

    /// <summary>Adds (or returns) an account. Logins ending in "[bot]" default to type "Bot".</summary>
    public FakeUser AddUser(string login, string? type = null)
    {
        lock (_gate)
        {
            var user = EnsureUser(login, type);
            return new FakeUser(user.Login, user.Id, user.Type);
        }
    }

    public FakeUser BotUser => new(_botUser.Login, _botUser.Id, _botUser.Type);

    /// <summary>Adds an installation of the app on <paramref name="account"/>. AddRepository does this implicitly.</summary>
    public void AddInstallation(long installationId, string account)
    {
        lock (_gate)
        {
            EnsureUser(account);
            _installations.TryAdd(installationId, new InstallationState(installationId, account, Clock()));
        }
    }

    /// <summary>
    /// Adds repository "owner/name" reachable by <paramref name="installationId"/>, with an empty
    /// initial commit on <paramref name="defaultBranch"/>.
    /// </summary>
    public FakeRepository AddRepository(string fullName, long installationId, string defaultBranch = "main", bool isPrivate = false)
    {
        var (owner, name) = SplitRepo(fullName);
        lock (_gate)
        {
            if (_repos.ContainsKey(fullName))
            {
                throw new InvalidOperationException($"Repository {fullName} already exists.");
            }

            EnsureUser(owner);
            _installations.TryAdd(installationId, new InstallationState(installationId, owner, Clock()));
            var repo = new RepoState(_nextRepoId++, owner, name, installationId, defaultBranch, isPrivate, Clock());
            var initial = NewCommit(repo, EmptyTree, null, "Initial commit");
            repo.Branches[defaultBranch] = initial.Sha;
            _repos[repo.FullName] = repo;
            return RepoSnapshot(repo);
        }
    }

    public FakeRepository Repository(string fullName)
    {
        lock (_gate)
        {
            return RepoSnapshot(RepoOrThrow(fullName));
        }
    }

    /// <summary>Gives <paramref name="login"/> a permission (read, triage, write, maintain, admin) on the repository; their author_association becomes COLLABORATOR.</summary>
    public void SetCollaborator(string repo, string login, string permission = "write")
    {
        lock (_gate)
        {
            EnsureUser(login);
            RepoOrThrow(repo).Collaborators[login] = permission;
        }
    }

    // ---- files and branches ----------------------------------------------------------------

    /// <summary>Commits <paramref name="content"/> (UTF-8) at <paramref name="path"/> on a branch (default: the default branch). Returns the new commit sha.</summary>
    public string SetFile(string repo, string path, string content, string? branch = null) =>
        SetFile(repo, path, Encoding.UTF8.GetBytes(content), branch);

    /// <summary>Commits raw bytes at <paramref name="path"/> on a branch (created from the default branch if missing). Returns the new commit sha.</summary>
    public string SetFile(string repo, string path, byte[] content, string? branch = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            var name = branch ?? r.DefaultBranch;
            if (!r.Branches.ContainsKey(name))
            {
                r.Branches[name] = r.Branches[r.DefaultBranch];
            }

            return CommitFiles(r, name, tree => tree.SetItem(NormalizePath(path), [.. content]), $"Update {path}").Sha;
        }
    }

    /// <summary>Deletes a file on a branch. Returns false when it was not there.</summary>
    public bool DeleteFile(string repo, string path, string? branch = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            var name = branch ?? r.DefaultBranch;
            if (!r.Branches.TryGetValue(name, out var sha) || !r.Commits[sha].Tree.ContainsKey(NormalizePath(path)))
            {
                return false;
            }

            CommitFiles(r, name, tree => tree.Remove(NormalizePath(path)), $"Delete {path}");
            return true;
        }
    }

    /// <summary>The file at <paramref name="path"/> on a branch (default: the default branch), or null.</summary>
    public FakeFile? GetFile(string repo, string path, string? branch = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            var name = branch ?? r.DefaultBranch;
            if (!r.Branches.TryGetValue(name, out var sha) || !r.Commits[sha].Tree.TryGetValue(NormalizePath(path), out var bytes))
            {
                return null;
            }

            return new FakeFile(NormalizePath(path), [.. bytes], GitHash.Blob(bytes));
        }
    }

    /// <summary>Paths of every file on a branch, sorted.</summary>
    public IReadOnlyList<string> Files(string repo, string? branch = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            return r.Branches.TryGetValue(branch ?? r.DefaultBranch, out var sha) ? [.. r.Commits[sha].Tree.Keys] : [];
        }
    }

    /// <summary>Creates a branch at the head of <paramref name="fromBranch"/> (default: the default branch). Returns its sha.</summary>
    public string CreateBranch(string repo, string branch, string? fromBranch = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            var sha = r.Branches[fromBranch ?? r.DefaultBranch];
            if (!r.Branches.TryAdd(branch, sha))
            {
                throw new InvalidOperationException($"Branch {branch} already exists in {repo}.");
            }

            return sha;
        }
    }

    public IReadOnlyList<FakeBranch> Branches(string repo)
    {
        lock (_gate)
        {
            return [.. RepoOrThrow(repo).Branches.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => new FakeBranch(b.Key, b.Value))];
        }
    }

    // ---- labels ------------------------------------------------------------------------------

    /// <summary>Creates (or updates) a repository label.</summary>
    public FakeLabel CreateLabel(string repo, string name, string color = DefaultLabelColor, string? description = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            var label = EnsureLabel(r, name, color);
            label.Color = color.TrimStart('#');
            label.Description = description;
            return LabelSnapshot(label);
        }
    }

    public IReadOnlyList<FakeLabel> Labels(string repo)
    {
        lock (_gate)
        {
            return [.. SortedLabels(RepoOrThrow(repo).Labels.Values).Select(LabelSnapshot)];
        }
    }

    /// <summary>Puts a label on an issue as a human would (creating the repository label if needed).</summary>
    public void AddLabel(string repo, int issue, string label)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            var i = IssueOrThrow(r, issue);
            var l = EnsureLabel(r, label, DefaultLabelColor);
            if (!i.Labels.Contains(l))
            {
                i.Labels.Add(l);
                i.UpdatedAt = Clock();
            }
        }
    }

    /// <summary>Takes a label off an issue as a human would. Returns false when it was not there.</summary>
    public bool RemoveLabel(string repo, int issue, string label)
    {
        lock (_gate)
        {
            var i = IssueOrThrow(RepoOrThrow(repo), issue);
            var removed = i.Labels.RemoveAll(l => string.Equals(l.Name, label, StringComparison.OrdinalIgnoreCase)) > 0;
            if (removed)
            {
                i.UpdatedAt = Clock();
            }

            return removed;
        }
    }

    // ---- issues and comments ---------------------------------------------------------------------

    /// <summary>Opens an issue as <paramref name="author"/>. Returns its number.</summary>
    public int CreateIssue(string repo, string author, string title, string? body = null, IEnumerable<string>? labels = null, DateTimeOffset? createdAt = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            return NewIssue(r, author, title, body, labels ?? [], createdAt is { } at ? WholeSeconds(at) : Clock()).Number;
        }
    }

    /// <summary>Closes an issue as a human would (state_reason completed or not_planned).</summary>
    public void CloseIssue(string repo, int issue, string stateReason = "completed", string? closedBy = null)
    {
        lock (_gate)
        {
            var i = IssueOrThrow(RepoOrThrow(repo), issue);
            SetState(i, "closed", stateReason, closedBy ?? i.Author);
        }
    }

    public void ReopenIssue(string repo, int issue)
    {
        lock (_gate)
        {
            var i = IssueOrThrow(RepoOrThrow(repo), issue);
            SetState(i, "open", "reopened", null);
        }
    }

    /// <summary>Edits an issue's title and/or body as a human would.</summary>
    public void EditIssue(string repo, int issue, string? title = null, string? body = null)
    {
        lock (_gate)
        {
            var i = IssueOrThrow(RepoOrThrow(repo), issue);
            i.Title = title ?? i.Title;
            i.Body = body ?? i.Body;
            i.UpdatedAt = Clock();
        }
    }

    public FakeIssue Issue(string repo, int issue)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            return IssueSnapshot(r, IssueOrThrow(r, issue));
        }
    }

    /// <summary>Every issue and pull request of the repository, by number.</summary>
    public IReadOnlyList<FakeIssue> Issues(string repo)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            return [.. r.Issues.Values.Select(i => IssueSnapshot(r, i))];
        }
    }

    /// <summary>Comments on <paramref name="issue"/> as <paramref name="author"/>. Returns the comment id.</summary>
    public long AddComment(string repo, int issue, string author, string body, DateTimeOffset? createdAt = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            return NewComment(r, IssueOrThrow(r, issue), author, body, createdAt is { } at ? WholeSeconds(at) : Clock()).Id;
        }
    }

    /// <summary>
    /// Renames an account, as GitHub does: same user ID, and every issue and comment it wrote shows the
    /// new login from now on. The old login is free for someone else.
    /// </summary>
    public void RenameUser(string login, string newLogin)
    {
        lock (_gate)
        {
            var user = _users[login];
            _users.Remove(login);
            _users[newLogin] = new UserState(newLogin, user.Id, user.Type);
            foreach (var comment in _comments.Values.Where(c => string.Equals(c.Author, login, StringComparison.OrdinalIgnoreCase)))
            {
                comment.Author = newLogin;
            }

            foreach (var issue in _repos.Values.SelectMany(r => r.Issues.Values).Where(i => string.Equals(i.Author, login, StringComparison.OrdinalIgnoreCase)))
            {
                issue.Author = newLogin;
            }
        }
    }

    /// <summary>Edits a comment as its author would.</summary>
    public void EditComment(long commentId, string newBody)
    {
        lock (_gate)
        {
            var c = CommentOrThrow(commentId);
            c.Body = newBody;
            c.UpdatedAt = Clock();
            IssueOrThrow(c.Repo, c.IssueNumber).UpdatedAt = c.UpdatedAt;
        }
    }

    public void DeleteComment(long commentId)
    {
        lock (_gate)
        {
            RemoveComment(CommentOrThrow(commentId));
        }
    }

    /// <summary>The comments on an issue, oldest first.</summary>
    public IReadOnlyList<FakeComment> Comments(string repo, int issue)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            return [.. IssueOrThrow(r, issue).Comments.Select(CommentSnapshot)];
        }
    }

    /// <summary>The comment, or null when it does not exist (any more).</summary>
    public FakeComment? Comment(long commentId)
    {
        lock (_gate)
        {
            return _comments.TryGetValue(commentId, out var c) ? CommentSnapshot(c) : null;
        }
    }

    /// <summary>Reacts to a comment as <paramref name="user"/>. Returns the reaction id (the existing one if the same user already reacted with the same content).</summary>
    public long AddReaction(long commentId, string user, string content)
    {
        if (!ReactionContents.Contains(content))
        {
            throw new ArgumentException($"'{content}' is not a GitHub reaction.", nameof(content));
        }

        lock (_gate)
        {
            return React(CommentOrThrow(commentId), user, content).Reaction.Id;
        }
    }

    public IReadOnlyList<FakeReaction> Reactions(long commentId)
    {
        lock (_gate)
        {
            var c = CommentOrThrow(commentId);
            return [.. c.Reactions.Select(x => new FakeReaction(x.Id, c.Id, x.User, x.Content, x.CreatedAt))];
        }
    }

    // ---- pull requests -------------------------------------------------------------------------

    /// <summary>Opens a pull request as <paramref name="author"/> from <paramref name="head"/> (a branch of the repository) into <paramref name="baseBranch"/> (default: the default branch).</summary>
    public int CreatePullRequest(string repo, string author, string title, string head, string? baseBranch = null, string? body = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            if (!r.Branches.ContainsKey(head))
            {
                throw new InvalidOperationException($"Branch {head} does not exist in {repo}.");
            }

            return NewPull(r, author, title, body, head, baseBranch ?? r.DefaultBranch, draft: false).Number;
        }
    }

    public IReadOnlyList<FakePullRequest> PullRequests(string repo)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            return [.. r.Issues.Values.Where(i => i.Pull is not null).Select(i => PullSnapshot(r, i))];
        }
    }

    public FakePullRequest PullRequest(string repo, int number)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            return PullSnapshot(r, PullOrThrow(r, number));
        }
    }

    /// <summary>Merges a pull request as a maintainer would: the head branch's files are copied onto the base branch in a merge commit.</summary>
    public string MergePullRequest(string repo, int number, string? mergedBy = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            var i = PullOrThrow(r, number);
            var pull = i.Pull!;
            if (i.State != "open")
            {
                throw new InvalidOperationException($"Pull request #{number} is not open.");
            }

            var headTree = r.Commits[PullHeadSha(r, pull)].Tree;
            var merge = CommitFiles(
                r,
                pull.BaseRef,
                tree =>
                {
                    var builder = tree.ToBuilder();
                    foreach (var (path, content) in headTree)
                    {
                        builder[path] = content;
                    }

                    return builder.ToImmutable();
                },
                $"Merge pull request #{number} from {r.Owner}/{pull.HeadRef}");
            pull.HeadSha = PullHeadSha(r, pull);
            pull.Merged = true;
            pull.MergedAt = Clock();
            pull.MergedBy = mergedBy ?? r.Owner;
            pull.MergeCommitSha = merge.Sha;
            SetState(i, "closed", null, pull.MergedBy);
            return merge.Sha;
        }
    }

    /// <summary>Closes a pull request without merging.</summary>
    public void ClosePullRequest(string repo, int number, string? closedBy = null)
    {
        lock (_gate)
        {
            var r = RepoOrThrow(repo);
            var i = PullOrThrow(r, number);
            i.Pull!.HeadSha = PullHeadSha(r, i.Pull);
            SetState(i, "closed", null, closedBy ?? r.Owner);
        }
    }

    // ---- internals (call with the lock held) ----------------------------------------------------

    private UserState EnsureUser(string login, string? type = null)
    {
        if (_users.TryGetValue(login, out var user))
        {
            return user;
        }

        user = new UserState(login, _nextUserId++, type ?? (login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User"));
        _users[login] = user;
        return user;
    }

    private static (string Owner, string Name) SplitRepo(string fullName)
    {
        var parts = fullName.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new ArgumentException($"Expected owner/name, got '{fullName}'.", nameof(fullName));
        }

        return (parts[0], parts[1]);
    }

    private RepoState RepoOrThrow(string fullName) =>
        _repos.TryGetValue(fullName, out var repo) ? repo : throw new KeyNotFoundException($"No repository {fullName}; call AddRepository first.");

    private static IssueState IssueOrThrow(RepoState repo, int number) =>
        repo.Issues.TryGetValue(number, out var issue) ? issue : throw new KeyNotFoundException($"No issue #{number} in {repo.FullName}.");

    private static IssueState PullOrThrow(RepoState repo, int number) =>
        repo.Issues.TryGetValue(number, out var issue) && issue.Pull is not null ? issue : throw new KeyNotFoundException($"No pull request #{number} in {repo.FullName}.");

    private CommentState CommentOrThrow(long id) =>
        _comments.TryGetValue(id, out var comment) ? comment : throw new KeyNotFoundException($"No comment {id}.");

    private static string NormalizePath(string path) => path.Trim('/');

    private CommitState NewCommit(RepoState repo, ImmutableSortedDictionary<string, byte[]> tree, string? parent, string message)
    {
        var treeId = new StringBuilder();
        foreach (var (path, content) in tree)
        {
            treeId.Append(path).Append(':').Append(GitHash.Blob(content)).Append('\n');
        }

        var sha = GitHash.Sha1Hex(string.Create(CultureInfo.InvariantCulture, $"commit {repo.FullName} {parent} {++_commitCounter}\n{treeId}\n{message}"));
        var commit = new CommitState(sha, tree, parent, message, Clock());
        repo.Commits[sha] = commit;
        return commit;
    }

    private CommitState CommitFiles(RepoState repo, string branch, Func<ImmutableSortedDictionary<string, byte[]>, ImmutableSortedDictionary<string, byte[]>> change, string message)
    {
        var parent = repo.Branches[branch];
        var commit = NewCommit(repo, change(repo.Commits[parent].Tree), parent, message);
        repo.Branches[branch] = commit.Sha;
        repo.PushedAt = commit.At;
        return commit;
    }

    private LabelState EnsureLabel(RepoState repo, string name, string color)
    {
        if (!repo.Labels.TryGetValue(name, out var label))
        {
            label = new LabelState(_nextLabelId++, name, color.TrimStart('#'), null);
            repo.Labels[name] = label;
        }

        return label;
    }

    private static IEnumerable<LabelState> SortedLabels(IEnumerable<LabelState> labels) =>
        labels.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase);

    private IssueState NewIssue(RepoState repo, string author, string title, string? body, IEnumerable<string> labels, DateTimeOffset createdAt)
    {
        EnsureUser(author);
        var issue = new IssueState(_nextIssueId++, repo.NextNumber++, title, body, author, createdAt);
        foreach (var name in labels)
        {
            var label = EnsureLabel(repo, name, DefaultLabelColor);
            if (!issue.Labels.Contains(label))
            {
                issue.Labels.Add(label);
            }
        }

        repo.Issues[issue.Number] = issue;
        return issue;
    }

    private IssueState NewPull(RepoState repo, string author, string title, string? body, string head, string baseRef, bool draft)
    {
        var issue = NewIssue(repo, author, title, body, [], Clock());
        issue.Pull = new PullState(_nextPullId++, head, repo.Branches[head], baseRef) { Draft = draft };
        return issue;
    }

    /// <summary>The head sha: the branch's current commit while the PR is open and the branch exists.</summary>
    private static string PullHeadSha(RepoState repo, PullState pull) =>
        !pull.Merged && repo.Branches.TryGetValue(pull.HeadRef, out var sha) ? sha : pull.HeadSha;

    private void SetState(IssueState issue, string state, string? reason, string? actor)
    {
        if (issue.State == state)
        {
            issue.StateReason = reason ?? issue.StateReason;
            return;
        }

        var now = Clock();
        issue.State = state;
        issue.StateReason = reason;
        issue.UpdatedAt = now;
        if (state == "closed")
        {
            issue.ClosedAt = now;
            issue.ClosedBy = actor;
        }
        else
        {
            issue.ClosedAt = null;
            issue.ClosedBy = null;
        }
    }

    private CommentState NewComment(RepoState repo, IssueState issue, string author, string body, DateTimeOffset createdAt)
    {
        EnsureUser(author);
        var comment = new CommentState(_nextCommentId++, repo, issue.Number, author, body, createdAt);
        _comments[comment.Id] = comment;
        issue.Comments.Add(comment);
        issue.UpdatedAt = createdAt > issue.UpdatedAt ? createdAt : issue.UpdatedAt;
        return comment;
    }

    private void RemoveComment(CommentState comment)
    {
        _comments.Remove(comment.Id);
        var issue = IssueOrThrow(comment.Repo, comment.IssueNumber);
        issue.Comments.Remove(comment);
        issue.UpdatedAt = Clock();
    }

    private (ReactionState Reaction, bool Created) React(CommentState comment, string user, string content)
    {
        var existing = comment.Reactions.FirstOrDefault(r => string.Equals(r.User, user, StringComparison.OrdinalIgnoreCase) && r.Content == content);
        if (existing is not null)
        {
            return (existing, false);
        }

        EnsureUser(user);
        var reaction = new ReactionState(_nextReactionId++, user, content, Clock());
        comment.Reactions.Add(reaction);
        return (reaction, true);
    }

    private string AuthorAssociation(RepoState repo, string login) =>
        string.Equals(login, repo.Owner, StringComparison.OrdinalIgnoreCase) ? "OWNER"
        : repo.Collaborators.ContainsKey(login) ? "COLLABORATOR"
        : "NONE";

    private static FakeRepository RepoSnapshot(RepoState r) => new(r.FullName, r.Id, r.InstallationId, r.DefaultBranch, r.Private);

    private static FakeLabel LabelSnapshot(LabelState l) => new(l.Id, l.Name, l.Color, l.Description);

    private static FakeIssue IssueSnapshot(RepoState r, IssueState i) => new(
        r.FullName,
        i.Number,
        i.Id,
        i.Title,
        i.Body,
        i.Author,
        i.State,
        i.StateReason,
        [.. SortedLabels(i.Labels).Select(l => l.Name)],
        i.Comments.Count,
        i.Pull is not null,
        i.Locked,
        i.CreatedAt,
        i.UpdatedAt,
        i.ClosedAt,
        i.ClosedBy);

    private static FakeComment CommentSnapshot(CommentState c) =>
        new(c.Id, c.Repo.FullName, c.IssueNumber, c.Author, c.Body, c.CreatedAt, c.UpdatedAt);

    private static FakePullRequest PullSnapshot(RepoState r, IssueState i)
    {
        var p = i.Pull!;
        return new FakePullRequest(
            r.FullName,
            i.Number,
            p.Id,
            i.Title,
            i.Body,
            i.Author,
            p.HeadRef,
            PullHeadSha(r, p),
            p.BaseRef,
            i.State,
            p.Merged,
            p.MergeCommitSha,
            p.Draft,
            [.. p.Reviewers],
            [.. p.Teams],
            i.CreatedAt,
            i.UpdatedAt,
            i.ClosedAt,
            p.MergedAt);
    }
}
