using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TagBot.Configuration;

namespace TagBot.Webhooks;

/// <summary>Which configured secret signed a delivery, if any.</summary>
public enum SignedWith
{
    /// <summary>No signature, a malformed one, or one that neither secret produces.</summary>
    Nothing,

    /// <summary><c>GitHub__WebhookSecret</c>.</summary>
    Current,

    /// <summary><c>GitHub__WebhookSecretPrevious</c>, the secret being rotated out.</summary>
    Previous,
}

/// <summary>
/// Checks <c>X-Hub-Signature-256</c> (<c>sha256=</c> and the hex HMAC-SHA256 of the raw body) against
/// the current webhook secret and, during a rotation, the previous one. Comparisons are constant-time.
/// </summary>
public sealed class WebhookSignatures(IOptions<GitHubOptions> options)
{
    private const string Prefix = "sha256=";

    // Read on first use: options are validated when the host starts, after singletons are built.
    private readonly Lazy<(byte[] Current, byte[]? Previous)> _keys = new(() =>
    {
        var github = options.Value;
        if (string.IsNullOrWhiteSpace(github.WebhookSecret))
        {
            throw new InvalidOperationException("GitHub__WebhookSecret is required: without it anyone could post forged events.");
        }

        var previous = string.IsNullOrWhiteSpace(github.WebhookSecretPrevious) ? null : Encoding.UTF8.GetBytes(github.WebhookSecretPrevious);
        return (Encoding.UTF8.GetBytes(github.WebhookSecret), previous);
    });

    public SignedWith Verify(StringValues header, ReadOnlySpan<byte> body)
    {
        if (header.Count != 1 || header[0] is not { } value
            || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || value.Length != Prefix.Length + (2 * HMACSHA256.HashSizeInBytes))
        {
            return SignedWith.Nothing;
        }

        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(value.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != claimed.Length)
        {
            return SignedWith.Nothing;
        }

        var (current, previous) = _keys.Value;
        if (Matches(current, body, claimed))
        {
            return SignedWith.Current;
        }

        return previous is not null && Matches(previous, body, claimed) ? SignedWith.Previous : SignedWith.Nothing;
    }

    private static bool Matches(byte[] key, ReadOnlySpan<byte> body, ReadOnlySpan<byte> claimed)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
