using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Octokit;
using Octokit.Internal;

namespace TagBot.Tests.FakeGitHub;

/// <summary>Test-side helpers to talk to a <see cref="FakeGitHubServer"/> through the real Octokit client.</summary>
internal static class FakeGitHubClients
{
    /// <summary>
    /// An Octokit client on the fake's BaseUrl. Built from a Connection on purpose:
    /// new GitHubClient(product, uri) would rewrite a non-github.com host to /api/v3/.
    /// </summary>
    public static GitHubClient Create(Uri baseUrl, Credentials? credentials = null)
    {
        var connection = new Connection(
            new ProductHeaderValue("tagbot"),
            baseUrl,
            new InMemoryCredentialStore(credentials ?? Credentials.Anonymous),
            new HttpClientAdapter(HttpMessageHandlerFactory.CreateDefault),
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    /// <summary>A GitHub App JWT signed RS256 with <paramref name="privateKeyPem"/>: iat = now + iatOffset, exp = iat + lifetime.</summary>
    public static string CreateJwt(string privateKeyPem, long appId, DateTimeOffset now, TimeSpan? iatOffset = null, TimeSpan? lifetime = null)
    {
        var iat = now.Add(iatOffset ?? TimeSpan.FromSeconds(-60)).ToUnixTimeSeconds();
        var exp = now.Add(lifetime ?? TimeSpan.FromMinutes(9)).ToUnixTimeSeconds();
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var header = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $$"""{"iat":{{iat}},"exp":{{exp}},"iss":{{appId}}}""")));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>A client authenticated as the app (Bearer JWT).</summary>
    public static GitHubClient AppClient(FakeGitHubServer fake) =>
        Create(fake.BaseUrl, new Credentials(CreateJwt(fake.PrivateKeyPem, fake.AppId, fake.Now()), AuthenticationType.Bearer));

    /// <summary>Mints an installation token the way the bot does (JWT -> access_tokens) and returns a client using it.</summary>
    public static async Task<GitHubClient> InstallationClientAsync(FakeGitHubServer fake, long installationId)
    {
        var token = await AppClient(fake).GitHubApps.CreateInstallationToken(installationId);
        return Create(fake.BaseUrl, new Credentials(token.Token));
    }
}
