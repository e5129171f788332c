using Octokit;
using Octokit.Internal;

namespace TagBot.GitHub;

/// <summary>
/// One repository read with a personal token, or none for a public repository: what <c>audit</c>
/// uses instead of the App's installation (no App key, no store).
/// </summary>
public sealed class RepositoryAccess
{
    public RepositoryAccess(Uri baseUrl, string? token, RepositoryName repository)
    {
        var credentials = string.IsNullOrWhiteSpace(token) ? Credentials.Anonymous : new Credentials(token.Trim());
        var client = GitHubClientFactory.Create(baseUrl, new InMemoryCredentialStore(credentials), HttpMessageHandlerFactory.CreateDefault, "TagBot-audit");
        Issues = new IssueGateway(client, repository, new LabelCatalog());
        PullRequests = new PullRequestGateway(client, repository);
    }

    public IssueGateway Issues { get; }

    public PullRequestGateway PullRequests { get; }

    /// <summary>A one-line explanation of a failed read, or null when <paramref name="error"/> is not GitHub's answer.</summary>
    public static string? Explain(Exception error, Uri baseUrl, string repository, bool anonymous) => error switch
    {
        AuthorizationException => $"{baseUrl} refused the credentials (401). Give a token that can read {repository} with --token or GITHUB_TOKEN.",
        ForbiddenException e => $"{baseUrl} refused the request (403): {e.Message}",
        NotFoundException => $"{repository} was not found at {baseUrl}, or "
            + (anonymous ? "it cannot be read without a token (--token or GITHUB_TOKEN)." : "the token cannot read it."),
        ApiException e => $"{baseUrl} answered {(int)e.StatusCode}: {e.Message}",
        HttpRequestException e => $"cannot reach {baseUrl}: {e.Message}",
        _ => null,
    };
}
