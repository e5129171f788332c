namespace TagBot.GitHub;

/// <summary>What GitHub returns for an App created from a manifest: its identity and its secrets.</summary>
public sealed record CreatedApp(long Id, string Name, string Slug, string HtmlUrl, string Pem, string WebhookSecret);
