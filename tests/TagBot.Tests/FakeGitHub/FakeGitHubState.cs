using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace TagBot.Tests.FakeGitHub;

// Mutable server-side state. Every instance is only touched while holding the server's lock;
// tests see it through the immutable records in FakeGitHubModels.cs.

internal sealed class UserState(string login, long id, string type)
{
    public string Login { get; } = login;
    public long Id { get; } = id;
    public string Type { get; } = type;
}

internal sealed class CommitState(string sha, ImmutableSortedDictionary<string, byte[]> tree, string? parent, string message, DateTimeOffset at)
{
    public string Sha { get; } = sha;
    public ImmutableSortedDictionary<string, byte[]> Tree { get; } = tree;
    public string? Parent { get; } = parent;
    public string Message { get; } = message;
    public DateTimeOffset At { get; } = at;
}

internal sealed class LabelState(long id, string name, string color, string? description)
{
    public long Id { get; } = id;
    public string Name { get; set; } = name;
    public string Color { get; set; } = color;
    public string? Description { get; set; } = description;
}

internal sealed class ReactionState(long id, string user, string content, DateTimeOffset createdAt)
{
    public long Id { get; } = id;
    public string User { get; } = user;
    public string Content { get; } = content;
    public DateTimeOffset CreatedAt { get; } = createdAt;
}

internal sealed class CommentState(long id, RepoState repo, int issueNumber, string author, string body, DateTimeOffset createdAt)
{
    public long Id { get; } = id;
    public RepoState Repo { get; } = repo;
    public int IssueNumber { get; } = issueNumber;
    public string Author { get; set; } = author;
    public string Body { get; set; } = body;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
    public List<ReactionState> Reactions { get; } = [];
}

internal sealed class PullState(long id, string headRef, string headSha, string baseRef)
{
    public long Id { get; } = id;
    public string HeadRef { get; } = headRef;
    public string HeadSha { get; set; } = headSha;
    public string BaseRef { get; set; } = baseRef;
    public bool Draft { get; set; }
    public bool Merged { get; set; }
    public DateTimeOffset? MergedAt { get; set; }
    public string? MergedBy { get; set; }
    public string? MergeCommitSha { get; set; }
    public List<string> Reviewers { get; } = [];
    public List<string> Teams { get; } = [];
}

internal sealed class IssueState(long id, int number, string title, string? body, string author, DateTimeOffset createdAt)
{
    public long Id { get; } = id;
    public int Number { get; } = number;
    public string Title { get; set; } = title;
    public string? Body { get; set; } = body;
    public string Author { get; set; } = author;
    public string State { get; set; } = "open";
    public string? StateReason { get; set; }
    public List<LabelState> Labels { get; } = [];
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public bool Locked { get; set; }
    public PullState? Pull { get; set; }
    public List<CommentState> Comments { get; } = [];
}

internal sealed class RepoState(long id, string owner, string name, long installationId, string defaultBranch, bool isPrivate, DateTimeOffset createdAt)
{
    public long Id { get; } = id;
    public string Owner { get; } = owner;
    public string Name { get; } = name;
    public string FullName => $"{Owner}/{Name}";
    public long InstallationId { get; } = installationId;
    public string DefaultBranch { get; } = defaultBranch;
    public bool Private { get; } = isPrivate;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset PushedAt { get; set; } = createdAt;

    /// <summary>Branch name to commit sha.</summary>
    public Dictionary<string, string> Branches { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CommitState> Commits { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, LabelState> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<int, IssueState> Issues { get; } = [];

    public int NextNumber { get; set; } = 1;

    /// <summary>Login to permission (read, triage, write, maintain, admin).</summary>
    public Dictionary<string, string> Collaborators { get; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class InstallationState(long id, string account, DateTimeOffset createdAt)
{
    public long Id { get; } = id;
    public string Account { get; } = account;
    public DateTimeOffset CreatedAt { get; } = createdAt;
}

internal sealed class TokenState(string token, long installationId, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
{
    public string Token { get; } = token;
    public long InstallationId { get; } = installationId;
    public DateTimeOffset IssuedAt { get; } = issuedAt;
    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
}

internal static class GitHash
{
    /// <summary>The git blob id: sha1("blob {length}\0" + content), lowercase hex.</summary>
    public static string Blob(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        var buffer = new byte[header.Length + content.Length];
        header.CopyTo(buffer, 0);
        content.CopyTo(buffer, header.Length);
        return Sha1Hex(buffer);
    }

    public static string Sha1Hex(byte[] data)
    {
#pragma warning disable CA5350 // git object ids are SHA-1 by definition; nothing here is security-relevant.
        return Convert.ToHexStringLower(SHA1.HashData(data));
#pragma warning restore CA5350
    }

    public static string Sha1Hex(string text) => Sha1Hex(Encoding.UTF8.GetBytes(text));
}
