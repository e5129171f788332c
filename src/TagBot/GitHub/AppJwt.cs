using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TagBot.GitHub;

/// <summary>
/// The GitHub App's own identity: a short-lived RS256 JSON Web Token signed with its private key,
/// used only to mint installation tokens and to read the App itself.
/// </summary>
public sealed class AppJwt : IDisposable
{
    private readonly long _appId;
    private readonly RSA _key;
    private readonly TimeProvider _clock;

    public AppJwt(long appId, string privateKeyPem, TimeProvider clock)
    {
        _appId = appId;
        _clock = clock;
        _key = RSA.Create();
        try
        {
            _key.ImportFromPem(privateKeyPem);
        }
        catch (ArgumentException e)
        {
            _key.Dispose();
            throw new InvalidOperationException("The GitHub App private key is not a valid PEM RSA key.", e);
        }
    }

    public string Create()
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        // iat is back-dated a minute against clock drift; GitHub refuses exp more than 10 minutes out.
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { iat = now - 60, exp = now + (9 * 60), iss = _appId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var signingInput = header + "." + payload;
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public void Dispose() => _key.Dispose();

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
