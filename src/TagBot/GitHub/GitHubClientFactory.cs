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

    private static readonly ProductHeaderValue Product = new("TagBot", "1.0");

    private readonly GitHubOptions _options;
    private readonly IHttpMessageHandlerFactory _handlers;
    private readonly AppJwt _jwt;
    private readonly ConcurrentDictionary<long, IGitHubClient> _installations = new();

    public GitHubClientFactory(IOptions<GitHubOptions> options, IHttpMessageHandlerFactory handlers, TimeProvider clock)
    {
        _options = options.Value;
        _handlers = handlers;
        _jwt = new AppJwt(_options.AppId, _options.ReadPrivateKeyPem(), clock);
        Tokens = new InstallationTokens(ForApp, clock);
    }

    public InstallationTokens Tokens { get; }

    /// <summary>A client authenticated as the App itself (JWT), for App-level endpoints only.</summary>
    public IGitHubClient ForApp() => Create(new InMemoryCredentialStore(new Credentials(_jwt.Create(), AuthenticationType.Bearer)), cache: null);

    /// <summary>A long-lived client for one installation, with its own ETag cache.</summary>
    public IGitHubClient ForInstallation(long installationId) =>
        _installations.GetOrAdd(installationId, id => Create(new InstallationCredentials(Tokens, id), new EtagCache()));

    public void Dispose() => _jwt.Dispose();

    private GitHubClient Create(ICredentialStore credentials, EtagCache? cache)
    {
        var connection = new Connection(
            Product,
            _options.ApiBaseUrl,
            credentials,
            new HttpClientAdapter(() => _handlers.CreateHandler(HttpClientName)),
            new SimpleJsonSerializer());
        var client = new GitHubClient(connection);
        if (cache is not null)
        {
            client.ResponseCache = cache;
        }

        return client;
    }
}
