namespace TagBot.GitHub;

/// <summary>What GitHub returns for an App created from a manifest: its identity and its secrets.</summary>
/// <remarks><see cref="ClientId"/> and <see cref="ClientSecret"/> are the App's OAuth client, which signs voters in to the ballot page.</remarks>
public sealed record CreatedApp(long Id, string Name, string Slug, string HtmlUrl, string Pem, string WebhookSecret, string? ClientId = null, string? ClientSecret = null);
