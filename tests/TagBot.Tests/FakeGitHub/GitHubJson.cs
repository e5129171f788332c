using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TagBot.Tests.FakeGitHub;

// Wire shapes of GitHub's REST v3 JSON. Property names are PascalCase here and written
// snake_case by GitHubJson.Options, so `NodeId` goes out as `node_id`. Only the handful of
// names snake_case cannot express (`+1`, `-1`, `_links`) carry an explicit JsonPropertyName.

internal static class GitHubJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new GitHubTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>GitHub writes timestamps as ISO-8601 UTC with whole seconds: 2024-05-01T12:00:00Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class GitHubTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Timestamp(value));
    }
}

internal sealed record UserJson(
    string Login,
    long Id,
    string NodeId,
    string AvatarUrl,
    string GravatarId,
    string Url,
    string HtmlUrl,
    string FollowersUrl,
    string ReposUrl,
    string Type,
    string UserViewType,
    bool SiteAdmin);

internal sealed record LabelJson(
    long Id,
    string NodeId,
    string Url,
    string Name,
    string Color,
    bool Default,
    string? Description);

internal sealed record ReactionSummaryJson(
    string Url,
    int TotalCount,
    [property: JsonPropertyName("+1")] int Plus1,
    [property: JsonPropertyName("-1")] int Minus1,
    int Laugh,
    int Hooray,
    int Confused,
    int Heart,
    int Rocket,
    int Eyes);

internal sealed record IssuePullRequestLinkJson(
    string Url,
    string HtmlUrl,
    string DiffUrl,
    string PatchUrl,
    DateTimeOffset? MergedAt);

internal sealed record IssueJson(
    string Url,
    string RepositoryUrl,
    string LabelsUrl,
    string CommentsUrl,
    string EventsUrl,
    string HtmlUrl,
    long Id,
    string NodeId,
    int Number,
    string Title,
    UserJson User,
    IReadOnlyList<LabelJson> Labels,
    string State,
    bool Locked,
    UserJson? Assignee,
    IReadOnlyList<UserJson> Assignees,
    object? Milestone,
    int Comments,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string AuthorAssociation,
    string? ActiveLockReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Draft,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IssuePullRequestLinkJson? PullRequest,
    string? Body,
    UserJson? ClosedBy,
    ReactionSummaryJson Reactions,
    string TimelineUrl,
    object? PerformedViaGithubApp,
    string? StateReason);

internal sealed record CommentJson(
    string Url,
    string HtmlUrl,
    string IssueUrl,
    long Id,
    string NodeId,
    UserJson User,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string AuthorAssociation,
    string Body,
    ReactionSummaryJson Reactions,
    AppJson? PerformedViaGithubApp);

internal sealed record ReactionJson(
    long Id,
    string NodeId,
    UserJson User,
    string Content,
    DateTimeOffset CreatedAt);

internal sealed record RepositoryPermissionsJson(bool Admin, bool Maintain, bool Push, bool Triage, bool Pull);

internal sealed record RepositoryJson(
    long Id,
    string NodeId,
    string Name,
    string FullName,
    bool Private,
    UserJson Owner,
    string HtmlUrl,
    string? Description,
    bool Fork,
    string Url,
    string GitUrl,
    string SshUrl,
    string CloneUrl,
    string? Homepage,
    long Size,
    int StargazersCount,
    int WatchersCount,
    string? Language,
    bool HasIssues,
    bool HasProjects,
    bool HasWiki,
    bool HasPages,
    bool HasDownloads,
    bool HasDiscussions,
    int ForksCount,
    bool Archived,
    bool Disabled,
    int OpenIssuesCount,
    object? License,
    bool AllowForking,
    bool IsTemplate,
    IReadOnlyList<string> Topics,
    string Visibility,
    int Forks,
    int OpenIssues,
    int Watchers,
    string DefaultBranch,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset PushedAt,
    RepositoryPermissionsJson Permissions);

internal sealed record ContentLinksJson(string Self, string Git, string Html);

internal sealed record ContentJson(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Encoding,
    long Size,
    string Name,
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content,
    string Sha,
    string Url,
    string? GitUrl,
    string? HtmlUrl,
    string? DownloadUrl,
    [property: JsonPropertyName("_links")] ContentLinksJson Links);

internal sealed record GitActorJson(string Name, string Email, DateTimeOffset Date);

internal sealed record ShaUrlJson(string Sha, string Url);

internal sealed record ParentJson(string Sha, string Url, string HtmlUrl);

internal sealed record VerificationJson(bool Verified, string Reason, string? Signature, string? Payload, DateTimeOffset? VerifiedAt);

internal sealed record GitCommitJson(
    string Sha,
    string NodeId,
    string Url,
    string HtmlUrl,
    GitActorJson Author,
    GitActorJson Committer,
    string Message,
    ShaUrlJson Tree,
    IReadOnlyList<ParentJson> Parents,
    VerificationJson Verification);

internal sealed record ContentChangeJson(ContentJson Content, GitCommitJson Commit);

internal sealed record GitObjectJson(string Sha, string Type, string Url);

internal sealed record ReferenceJson(string Ref, string NodeId, string Url, GitObjectJson Object);

internal sealed record BranchJson(string Name, ShaUrlJson Commit, bool Protected, string ProtectionUrl);

internal sealed record TeamJson(
    long Id,
    string NodeId,
    string Url,
    string HtmlUrl,
    string Name,
    string Slug,
    string? Description,
    string Privacy,
    string NotificationSetting,
    string Permission,
    string MembersUrl,
    string RepositoriesUrl,
    object? Parent);

internal sealed record PullRefJson(string Label, string Ref, string Sha, UserJson User, RepositoryJson Repo);

internal sealed record PullRequestJson(
    string Url,
    long Id,
    string NodeId,
    string HtmlUrl,
    string DiffUrl,
    string PatchUrl,
    string IssueUrl,
    string CommitsUrl,
    string ReviewCommentsUrl,
    string CommentsUrl,
    string StatusesUrl,
    int Number,
    string State,
    bool Locked,
    string Title,
    UserJson User,
    string? Body,
    IReadOnlyList<LabelJson> Labels,
    object? Milestone,
    string? ActiveLockReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? MergedAt,
    string? MergeCommitSha,
    UserJson? Assignee,
    IReadOnlyList<UserJson> Assignees,
    IReadOnlyList<UserJson> RequestedReviewers,
    IReadOnlyList<TeamJson> RequestedTeams,
    PullRefJson Head,
    PullRefJson Base,
    string AuthorAssociation,
    object? AutoMerge,
    bool Draft,
    bool Merged,
    bool? Mergeable,
    bool? Rebaseable,
    string MergeableState,
    UserJson? MergedBy,
    int Comments,
    int ReviewComments,
    bool MaintainerCanModify,
    int Commits,
    int Additions,
    int Deletions,
    int ChangedFiles);

internal sealed record RequestedReviewersJson(IReadOnlyList<UserJson> Users, IReadOnlyList<TeamJson> Teams);

internal sealed record AppJson(
    long Id,
    string Slug,
    string NodeId,
    string ClientId,
    UserJson Owner,
    string Name,
    string Description,
    string ExternalUrl,
    string HtmlUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, string> Permissions,
    IReadOnlyList<string> Events,
    int InstallationsCount);

internal sealed record InstallationJson(
    long Id,
    UserJson Account,
    string RepositorySelection,
    string AccessTokensUrl,
    string RepositoriesUrl,
    string HtmlUrl,
    long AppId,
    string AppSlug,
    long TargetId,
    string TargetType,
    IReadOnlyDictionary<string, string> Permissions,
    IReadOnlyList<string> Events,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? SingleFileName,
    UserJson? SuspendedBy,
    DateTimeOffset? SuspendedAt);

internal sealed record AccessTokenJson(
    string Token,
    DateTimeOffset ExpiresAt,
    IReadOnlyDictionary<string, string> Permissions,
    string RepositorySelection);

internal sealed record InstallationRepositoriesJson(int TotalCount, string RepositorySelection, IReadOnlyList<RepositoryJson> Repositories);

internal sealed record CollaboratorPermissionJson(string Permission, string RoleName, UserJson User);

internal sealed record RateJson(int Limit, int Remaining, long Reset, int Used, string Resource);

internal sealed record RateResourcesJson(RateJson Core, RateJson Search, RateJson Graphql, RateJson IntegrationManifest);

internal sealed record RateLimitJson(RateResourcesJson Resources, RateJson Rate);

internal sealed record ErrorDetailJson(
    string Resource,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);

internal sealed record ErrorJson(
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ErrorDetailJson>? Errors,
    string DocumentationUrl,
    string Status);
