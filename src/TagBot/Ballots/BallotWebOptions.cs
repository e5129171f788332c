namespace TagBot.Ballots;

/// <summary>
/// Settings of the ballot page: the App's OAuth client (<c>GitHub__ClientId</c>, <c>GitHub__ClientSecret</c>),
/// GitHub's web and API hosts, and TagBot's public address (<c>TagBot__PublicUrl</c>).
/// </summary>
public sealed class BallotWebOptions
{
    /// <summary>The GitHub App's OAuth client id; without it the ballot page says secret ballots are not configured.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Host of <c>/login/oauth/authorize</c> and <c>/login/oauth/access_token</c>: GitHub.com, or a GitHub Enterprise Server.</summary>
    public Uri WebBaseUrl { get; set; } = new("https://github.com/");

    /// <summary>The REST API root, where <c>GET /user</c> names who signed in (<c>GitHub__ApiBaseUrl</c>).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>TagBot's public base URL, e.g. <c>https://tagbot.example.org/</c>: links, the OAuth callback, secure cookies.</summary>
    public Uri? PublicUrl { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Cookies are marked Secure whenever TagBot is reached over https.</summary>
    public bool SecureCookies => PublicUrl?.Scheme == Uri.UriSchemeHttps;

    public static BallotWebOptions From(IConfiguration configuration)
    {
        var options = new BallotWebOptions();
        configuration.GetSection("GitHub").Bind(options);
        options.PublicUrl = configuration.GetValue<Uri?>("TagBot:PublicUrl");
        options.WebBaseUrl = WithSlash(options.WebBaseUrl);
        options.ApiBaseUrl = WithSlash(options.ApiBaseUrl);
        return options;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
