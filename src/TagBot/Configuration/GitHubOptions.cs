namespace TagBot.Configuration;

/// <summary>Settings of the GitHub App, bound from the <c>GitHub</c> section (<c>GitHub__AppId</c>, ...).</summary>
public sealed class GitHubOptions
{
    public const string Section = "GitHub";

    public long AppId { get; set; }

    /// <summary>Path of the App's PEM private key; alternative to <see cref="PrivateKey"/>.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The App's PEM private key itself (PKCS#1 or PKCS#8).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The webhook secret. The service refuses to start without one: no unsigned delivery is ever accepted.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Optional: the secret being rotated out. While it is set, deliveries signed with either secret
    /// are accepted, so the secret can be changed on GitHub and here without dropping deliveries.
    /// </summary>
    public string? WebhookSecretPrevious { get; set; }

    /// <summary>REST API root: GitHub.com, a GitHub Enterprise Server (<c>https://HOST/api/v3/</c>) or a local fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>Longest wait on a rate limit that a request sits out in place; longer ones reschedule the work.</summary>
    public TimeSpan MaxInlineRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    public string ReadPrivateKeyPem()
    {
        if (!string.IsNullOrWhiteSpace(PrivateKey))
        {
            return PrivateKey;
        }

        if (!string.IsNullOrWhiteSpace(PrivateKeyPath))
        {
            return File.ReadAllText(PrivateKeyPath);
        }

        throw new InvalidOperationException("Set GitHub__PrivateKeyPath or GitHub__PrivateKey to the GitHub App's PEM private key.");
    }
}
