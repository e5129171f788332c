using System.Collections.Concurrent;
using Octokit;
using TagBot.Comments;
using TagBot.Core.Policies;
using TagBot.Core.Schedule;
using CoreComment = TagBot.Core.Issues.IssueComment;
using CoreIssue = TagBot.Core.Issues.IssueSnapshot;
using ReactionKind = TagBot.Core.Governance.ReactionKind;

namespace TagBot.GitHub;

/// <summary>
/// The only place that speaks Octokit for one repository's issues: reads them into core snapshots
/// and carries out the actions of a change plan. It decides nothing.
/// </summary>
/// <param name="comments">Reads comments incrementally through the store's cache; null (<c>audit</c>): every page, every time.</param>
/// <param name="sweep">Whether a sweep woke TagBot: the comment cache's full read falls due only then.</param>
public sealed class IssueGateway(
    IGitHubClient client, RepositoryName repository, LabelCatalog labelCatalog, CommentReader? comments = null, bool sweep = false) : ICommentSource
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    /// <summary>Each issue's <c>comments</c> count as last read: what tells the comment cache it missed a change.</summary>
    private readonly ConcurrentDictionary<int, int> _commentCounts = new();
    private Task<IReadOnlyList<ListedFiles.Entry>?>? _root;

    public RepositoryName Repository => repository;

    /// <summary>The members of the GitHub teams a policy names, read with this repository's installation.</summary>
    public TeamGateway Teams { get; } = new(client);

    /// <summary>A file on the default branch, or null when it does not exist.</summary>
    public async Task<string?> ReadFileAsync(string path) => (await ReadFileVersionAsync(path, null))?.Text;

    /// <summary>
    /// A file's text and blob SHA on the default branch, or at <paramref name="reference"/> (a commit
    /// SHA: immutable, so its ETag answers 304 for ever); null when it does not exist there.
    /// </summary>
    public async Task<(string Text, string Sha)?> ReadFileVersionAsync(string path, string? reference)
    {
        try
        {
            var contents = reference is null
                ? await client.Repository.Content.GetAllContents(repository.Owner, repository.Name, path)
                : await client.Repository.Content.GetAllContentsByRef(repository.Owner, repository.Name, path, reference);
            return contents.Count == 1 ? (contents[0].Content, contents[0].Sha) : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// A file on the default branch found through the directory listings (see <see cref="ListedFiles"/>): while
    /// nothing at the repository's root changed, one request answered 304, whether the file exists or not, and
    /// the same request for every file of the reconcile.
    /// </summary>
    public Task<(string Text, string Sha)?> ReadListedFileAsync(string path)
    {
        // One root listing per gateway (a gateway lives for one reconcile): the policy, roster and members file share it.
        lock (_commentCounts)
        {
            _root ??= ListedFiles.RootAsync(client, repository);
        }

        return ListedFiles.ReadAsync(client, repository, _root, path);
    }

    /// <summary>The commit SHA at the tip of the default branch: what an election freezes its files at.</summary>
    public async Task<string> HeadCommitAsync()
    {
        var branch = (await client.Repository.Get(repository.Owner, repository.Name)).DefaultBranch;
        return (await client.Git.Reference.Get(repository.Owner, repository.Name, $"heads/{branch}")).Object.Sha;
    }

    /// <summary>The GitHub user ID of <paramref name="login"/>, or null when no account has it.</summary>
    public async Task<long?> UserIdAsync(string login)
    {
        try
        {
            return (await client.User.Get(login)).Id;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The issue without its comments (they cost a request per page: read them with
    /// <see cref="WithCommentsAsync"/> once the issue concerns TagBot), or null when it is gone
    /// (deleted, transferred) or is a pull request.
    /// </summary>
    public async Task<CoreIssue?> ReadIssueAsync(int number)
    {
        try
        {
            var issue = await client.Issue.Get(repository.Owner, repository.Name, number);
            _commentCounts[number] = issue.Comments;
            return issue.PullRequest is null ? ToCore(issue) : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The issue with all its comments; <paramref name="ownLogin"/> tells TagBot's own (any bot while unknown).
    /// With a comment cache and the issue read by this gateway (its count known), only what changed is read.
    /// </summary>
    public async Task<CoreIssue> WithCommentsAsync(CoreIssue issue, string? ownLogin, CancellationToken cancellationToken = default)
    {
        var list = comments is not null && _commentCounts.TryGetValue(issue.Number, out var count)
            ? await comments.ReadAsync(this, Inbox.LaneKey.For(repository.ToString(), issue.Number), issue.Number, count, sweep, cancellationToken)
            : await ((ICommentSource)this).CommentsAsync(issue.Number, since: null);
        return issue with { Comments = [.. list.Select(c => c.ToCore(ownLogin))] };
    }

    async Task<IReadOnlyList<CachedComment>> ICommentSource.CommentsAsync(int number, DateTimeOffset? since)
    {
        // Octokit sends sort=created&direction=asc with a request; GitHub ignores both on this endpoint (oldest first).
        var list = since is { } s
            ? await client.Issue.Comment.GetAllForIssue(repository.Owner, repository.Name, number, new IssueCommentRequest { Since = s }, AllPages)
            : await client.Issue.Comment.GetAllForIssue(repository.Owner, repository.Name, number, AllPages);
        return [.. list.Select(ToCached)];
    }

    async Task<int> ICommentSource.CommentCountAsync(int number)
    {
        var issue = await client.Issue.Get(repository.Owner, repository.Name, number);
        return _commentCounts[number] = issue.Comments;
    }

    /// <summary>When a comment was last written (its edit time, else its creation).</summary>
    public async Task<DateTimeOffset> CommentWrittenAtAsync(long commentId)
    {
        var comment = await client.Issue.Comment.Get(repository.Owner, repository.Name, commentId);
        return comment.UpdatedAt ?? comment.CreatedAt;
    }

    public async Task<IReadOnlyList<int>> OpenIssuesLabelledAsync(string label)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, Filter = IssueFilter.All };
        request.Labels.Add(label);
        var issues = await client.Issue.GetAllForRepository(repository.Owner, repository.Name, request, AllPages);
        return [.. issues.Where(i => i.PullRequest is null).Select(i => i.Number)];
    }

    /// <summary>Every election issue (pull requests left out) carrying <paramref name="label"/>, open and closed.</summary>
    public async Task<IReadOnlyList<ElectionIssue>> ElectionIssuesAsync(string label, string? ownLogin)
    {
        var request = new RepositoryIssueRequest { State = ItemStateFilter.All, Filter = IssueFilter.All };
        request.Labels.Add(label);
        var issues = await client.Issue.GetAllForRepository(repository.Owner, repository.Name, request, AllPages);
        return [.. issues.Where(i => i.PullRequest is null)
            .Select(i => new ElectionIssue(i.Number, i.Title ?? "", i.Body ?? "", i.CreatedAt, i.State.StringValue == "open",
                i.HtmlUrl ?? "", IsTagBot(i.User, ownLogin)))];
    }

    /// <summary>The bodies of the comments TagBot (<paramref name="ownLogin"/>; any bot while unknown) wrote on an issue, oldest first.</summary>
    public async Task<IReadOnlyList<string>> OwnCommentsAsync(int number, string? ownLogin)
    {
        var comments = await client.Issue.Comment.GetAllForIssue(repository.Owner, repository.Name, number, AllPages);
        return [.. comments.Select(c => ToCore(c, ownLogin)).Where(c => c.ByTagBot).Select(c => c.Body)];
    }

    /// <summary>Opens an issue with <paramref name="labels"/> (created first when missing); returns its number.</summary>
    public async Task<int> CreateIssueAsync(string title, string body, IReadOnlyCollection<string> labels, LabelNames names)
    {
        await labelCatalog.EnsureAsync(client, repository, labels, names);
        var issue = new NewIssue(title) { Body = body };
        foreach (var label in labels)
        {
            issue.Labels.Add(label);
        }

        return (await client.Issue.Create(repository.Owner, repository.Name, issue)).Number;
    }

    public async Task AddLabelsAsync(int number, IReadOnlyCollection<string> labels, LabelNames names)
    {
        await labelCatalog.EnsureAsync(client, repository, labels, names);
        await client.Issue.Labels.AddToIssue(repository.Owner, repository.Name, number, [.. labels]);
    }

    public async Task RemoveLabelAsync(int number, string label)
    {
        try
        {
            // Octokit puts the name into the path unescaped: "status/discussion" would be two segments.
            await client.Issue.Labels.RemoveFromIssue(repository.Owner, repository.Name, number, Uri.EscapeDataString(label));
        }
        catch (NotFoundException)
        {
            // Someone removed it first: the desired state holds.
        }
    }

    public Task CreateCommentAsync(int number, string body) =>
        client.Issue.Comment.Create(repository.Owner, repository.Name, number, body);

    public Task UpdateCommentAsync(long commentId, string body) =>
        client.Issue.Comment.Update(repository.Owner, repository.Name, commentId, body);

    public async Task ReactAsync(long commentId, ReactionKind kind)
    {
        try
        {
            var type = kind == ReactionKind.ThumbsUp ? ReactionType.Plus1 : ReactionType.Confused;
            await client.Reaction.IssueComment.Create(repository.Owner, repository.Name, commentId, new NewReaction(type));
        }
        catch (NotFoundException)
        {
            // The comment was deleted meanwhile; the next reconcile no longer asks for it.
        }
    }

    public Task CloseAsync(int number, bool completed) =>
        client.Issue.Update(repository.Owner, repository.Name, number, new IssueUpdate
        {
            State = ItemState.Closed,
            StateReason = completed ? ItemStateReason.Completed : ItemStateReason.NotPlanned,
        });

    /// <summary>Whether a bot (TagBot, or another App) is <paramref name="user"/>.</summary>
    private static bool IsBot(User? user) =>
        user is not null && (user.Type == AccountType.Bot || user.Login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="user"/> is TagBot: its login once known (<see cref="BotIdentity"/>), else any bot.</summary>
    private static bool IsTagBot(User? user, string? ownLogin) =>
        IsBot(user) && (ownLogin is null || string.Equals(user!.Login, ownLogin, StringComparison.OrdinalIgnoreCase));

    private CoreIssue ToCore(Issue issue) => new(
        repository.ToString(),
        issue.Number,
        issue.Title ?? "",
        issue.User?.Login ?? "ghost",
        issue.CreatedAt,
        issue.State.StringValue == "open",
        [.. issue.Labels.Select(l => l.Name)],
        [],
        issue.HtmlUrl ?? "")
    {
        Body = issue.Body ?? "",
    };

    private static CoreComment ToCore(Octokit.IssueComment comment, string? ownLogin) => ToCached(comment).ToCore(ownLogin);

    private static CachedComment ToCached(Octokit.IssueComment comment) =>
        new(comment.Id, comment.User?.Login ?? "ghost", comment.User?.Id ?? 0, IsBot(comment.User), comment.Body ?? "",
            comment.CreatedAt, comment.UpdatedAt ?? comment.CreatedAt, comment.HtmlUrl ?? "");
}
