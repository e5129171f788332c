using CoreComment = TagBot.Core.Issues.IssueComment;

namespace TagBot.Comments;

/// <summary>
/// An issue comment as GitHub lists it, kept in the store between reconciles: everything the core's
/// <see cref="CoreComment"/> is built from, except whether TagBot wrote it, which depends on TagBot's
/// login at the time of reading (<see cref="ToCore"/>).
/// </summary>
public sealed record CachedComment(
    long Id,
    string Login,
    long AuthorId,
    bool AuthorIsBot,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Url)
{
    /// <param name="ownLogin">TagBot's login; null while unknown, when any bot counts as TagBot.</param>
    public CoreComment ToCore(string? ownLogin) =>
        new(Id, Login, AuthorIsBot, Body, CreatedAt, Url)
        {
            ByTagBot = AuthorIsBot && (ownLogin is null || string.Equals(Login, ownLogin, StringComparison.OrdinalIgnoreCase)),
            AuthorId = AuthorId,
            UpdatedAt = UpdatedAt,
        };
}
