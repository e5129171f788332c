using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;
using TagBot.Configuration;

namespace TagBot.GitHub;

/// <summary>
/// Builds Octokit clients on the resilient "github" HTTP pipeline, pointed exactly at
/// <c>GitHub__ApiBaseUrl</c> (Octokit's URI constructor would rewrite a non-github.com host).
/// </summary>
public sealed class GitHubClientFactory : IDisposable
{
    public const string HttpClientName = "github";

    private readonly IOptions<GitHubOptions> _options;
    private readonly IHttpMessageHandlerFactory _handlers;
    private readonly Lazy<AppJwt> _jwt;
    private readonly ConcurrentDictionary<long, IGitHubClient> _installations = new();

    public GitHubClientFactory(IOptions<GitHubOptions> options, IHttpMessageHandlerFactory handlers, TimeProvider clock)
    {
        // Options are read on first use, not here: hosted services are built before the host
        // validates options, and a missing setting must surface as its validation message.
        _options = options;
        _handlers = handlers;
        _jwt = new Lazy<AppJwt>(() => new AppJwt(options.Value.AppId, options.Value.ReadPrivateKeyPem(), clock));
        Tokens = new InstallationTokens(ForApp, clock);
    }

    public InstallationTokens Tokens { get; }

    /// <summary>A client authenticated as the App itself (JWT), for App-level endpoints only.</summary>
    public IGitHubClient ForApp() => Create(new InMemoryCredentialStore(new Credentials(_jwt.Value.Create(), AuthenticationType.Bearer)), cache: null);

    /// <summary>A long-lived client for one installation, with its own ETag cache.</summary>
    public IGitHubClient ForInstallation(long installationId) =>
        _installations.GetOrAdd(installationId, id => Create(new InstallationCredentials(Tokens, id), new EtagCache()));

    public void Dispose()
    {
        if (_jwt.IsValueCreated)
        {
            _jwt.Value.Dispose();
        }
    }

    /// <summary>
    /// The one way TagBot builds an Octokit client: on a <see cref="Connection"/> pointed exactly at
    /// <paramref name="baseUrl"/> (<c>new GitHubClient(product, uri)</c> would rewrite a non-github.com
    /// host), with a trailing slash so that relative paths resolve under it (<c>…/api/v3/</c>).
    /// </summary>
    public static GitHubClient Create(Uri baseUrl, ICredentialStore credentials, Func<HttpMessageHandler> handler, string product = "TagBot")
    {
        if (!baseUrl.AbsolutePath.EndsWith('/'))
        {
            baseUrl = new Uri(baseUrl + "/");
        }

        var connection = new Connection(
            new ProductHeaderValue(product, "1.0"), baseUrl, credentials, new HttpClientAdapter(handler), new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    private GitHubClient Create(ICredentialStore credentials, EtagCache? cache)
    {
        var client = Create(_options.Value.ApiBaseUrl, credentials, () => _handlers.CreateHandler(HttpClientName));
        if (cache is not null)
        {
            client.ResponseCache = cache;
        }

        return client;
    }
}
