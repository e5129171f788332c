using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TagBot.Tests.FakeGitHub;

internal enum CallerKind
{
    Anonymous,
    App,
    Installation,
    Invalid,
}

internal sealed record Caller(CallerKind Kind, long InstallationId = 0, string? Error = null, bool PresentedJwt = false);

internal enum AuthKind
{
    /// <summary>Any caller; bad credentials are still refused.</summary>
    None,

    /// <summary>The app itself: Authorization: Bearer &lt;RS256 JWT&gt;.</summary>
    App,

    /// <summary>An installation: Authorization: token|Bearer &lt;installation token&gt;.</summary>
    Installation,
}

internal sealed record AuthRequirement(AuthKind Kind);

public sealed partial class FakeGitHubServer
{
    private const string JwtUndecodable = "A JSON web token could not be decoded";

    private readonly Dictionary<string, TokenState> _tokens = new(StringComparer.Ordinal);
    private int _tokensIssued;

    /// <summary>How many installation tokens POST app/installations/{id}/access_tokens has issued.</summary>
    public int TokensIssued
    {
        get
        {
            lock (_gate)
            {
                return _tokensIssued;
            }
        }
    }

    /// <summary>Every installation token issued so far, oldest first.</summary>
    public IReadOnlyList<FakeInstallationToken> IssuedTokens()
    {
        lock (_gate)
        {
            return [.. _tokens.Values.OrderBy(t => t.IssuedAt).Select(t => new FakeInstallationToken(t.Token, t.InstallationId, t.IssuedAt, t.ExpiresAt))];
        }
    }

    /// <summary>Expires every installation token issued so far: their next use answers 401.</summary>
    public void ExpireTokens()
    {
        lock (_gate)
        {
            var past = Clock().AddSeconds(-1);
            foreach (var token in _tokens.Values)
            {
                token.ExpiresAt = past;
            }
        }
    }

    internal static Caller Caller(HttpContext context) =>
        context.Items.TryGetValue(CallerItem, out var caller) && caller is Caller c ? c : new Caller(CallerKind.Anonymous);

    private Task IdentifyCaller(HttpContext context, RequestDelegate next)
    {
        context.Items[CallerItem] = Identify(context.Request.Headers.Authorization.ToString());
        return next(context);
    }

    private Caller Identify(string authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return new Caller(CallerKind.Anonymous);
        }

        var parts = authorization.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !(parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("token", StringComparison.OrdinalIgnoreCase)))
        {
            return new Caller(CallerKind.Invalid, Error: "Bad credentials");
        }

        var credential = parts[1].Trim();
        if (credential.Count(c => c == '.') == 2)
        {
            var error = ValidateJwt(credential);
            return error is null
                ? new Caller(CallerKind.App, PresentedJwt: true)
                : new Caller(CallerKind.Invalid, Error: error, PresentedJwt: true);
        }

        if (IsUserToken(credential))
        {
            return new Caller(CallerKind.Anonymous); // a user's OAuth token (FakeGitHubServer.OAuth.cs)
        }

        lock (_gate)
        {
            return _tokens.TryGetValue(credential, out var token) && token.ExpiresAt > Clock()
                ? new Caller(CallerKind.Installation, token.InstallationId)
                : new Caller(CallerKind.Invalid, Error: "Bad credentials");
        }
    }

    /// <summary>Checks a GitHub App JWT like GitHub does. Returns GitHub's error message, or null when valid.</summary>
    private string? ValidateJwt(string jwt)
    {
        var parts = jwt.Split('.');
        JsonElement header;
        JsonElement payload;
        byte[] signature;
        try
        {
            header = JsonSerializer.Deserialize<JsonElement>(Base64UrlDecode(parts[0]));
            payload = JsonSerializer.Deserialize<JsonElement>(Base64UrlDecode(parts[1]));
            signature = Base64UrlDecode(parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return JwtUndecodable;
        }

        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object
            || !header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256")
        {
            return JwtUndecodable;
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!_appKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return JwtUndecodable;
        }

        if (!payload.TryGetProperty("iss", out var iss) || !IssuerMatches(iss))
        {
            return JwtUndecodable;
        }

        if (!TryGetEpoch(payload, "iat", out var iat))
        {
            return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.";
        }

        if (!TryGetEpoch(payload, "exp", out var exp))
        {
            return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.";
        }

        var now = Clock().ToUnixTimeSeconds();
        if (iat > now)
        {
            return "'Issued at' claim ('iat') must be an Integer representing a time in the past.";
        }

        if (exp <= now)
        {
            return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.";
        }

        if (exp - iat > 600 || exp > now + 600)
        {
            return "'Expiration time' claim ('exp') is too far in the future.";
        }

        return null;
    }

    private bool IssuerMatches(JsonElement iss) => iss.ValueKind switch
    {
        JsonValueKind.Number => iss.TryGetInt64(out var id) && id == AppId,
        JsonValueKind.String => iss.GetString() == AppId.ToString(CultureInfo.InvariantCulture),
        _ => false,
    };

    private static bool TryGetEpoch(JsonElement payload, string claim, out long value)
    {
        value = 0;
        return payload.TryGetProperty(claim, out var element)
            && element.ValueKind == JsonValueKind.Number
            && element.TryGetInt64(out value);
    }

    private static byte[] Base64UrlDecode(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return Convert.FromBase64String(base64);
    }

    private Task Authorize(HttpContext context, RequestDelegate next)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<AuthRequirement>()?.Kind ?? AuthKind.None;
        var caller = Caller(context);
        GitHubResult? refusal = required switch
        {
            AuthKind.App when caller.Kind != CallerKind.App =>
                GitHubResult.Error(401, caller.PresentedJwt && caller.Error is not null ? caller.Error : JwtUndecodable),
            AuthKind.Installation when caller.Kind == CallerKind.Anonymous =>
                GitHubResult.Error(401, "Requires authentication"),
            AuthKind.Installation when caller.Kind != CallerKind.Installation =>
                GitHubResult.Error(401, "Bad credentials"),
            AuthKind.None when caller.Kind == CallerKind.Invalid =>
                GitHubResult.Error(401, caller.Error ?? "Bad credentials"),
            _ => null,
        };

        if (refusal is null && required != AuthKind.None && caller.Kind is CallerKind.App or CallerKind.Installation)
        {
            var (key, limit) = RateKey(caller);
            lock (_gate)
            {
                var window = CurrentWindow(key);
                if (window.Used >= limit)
                {
                    refusal = PrimaryRateLimitExceeded(caller, window.ResetEpoch, limit);
                }
            }
        }

        return refusal is null ? next(context) : refusal.ExecuteAsync(context);
    }

    // ---- app endpoints -------------------------------------------------------------------

    private static readonly Dictionary<string, string> TokenPermissions = new(StringComparer.Ordinal)
    {
        ["contents"] = "write",
        ["issues"] = "write",
        ["metadata"] = "read",
        ["pull_requests"] = "write",
    };

    private GitHubResult CreateInstallationToken(long installationId)
    {
        lock (_gate)
        {
            if (!_installations.ContainsKey(installationId))
            {
                return GitHubResult.NotFound();
            }

            var now = Clock();
            var token = new TokenState("ghs_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36), installationId, now, now.AddHours(1));
            _tokens[token.Token] = token;
            _tokensIssued++;
            return GitHubResult.Json(new AccessTokenJson(token.Token, token.ExpiresAt, TokenPermissions, "selected"), 201);
        }
    }

    private GitHubResult GetApp()
    {
        lock (_gate)
        {
            return GitHubResult.Json(AppJson());
        }
    }

    private GitHubResult ListInstallations(HttpContext context)
    {
        lock (_gate)
        {
            return Pagination.Json(context, BaseUrl, [.. _installations.Values.OrderBy(i => i.Id).Select(InstallationJson)]);
        }
    }

    private GitHubResult GetInstallation(long installationId)
    {
        lock (_gate)
        {
            return _installations.TryGetValue(installationId, out var installation)
                ? GitHubResult.Json(InstallationJson(installation))
                : GitHubResult.NotFound();
        }
    }

    private GitHubResult GetRepositoryInstallation(string owner, string repo)
    {
        lock (_gate)
        {
            return _repos.TryGetValue($"{owner}/{repo}", out var r) && _installations.TryGetValue(r.InstallationId, out var installation)
                ? GitHubResult.Json(InstallationJson(installation))
                : GitHubResult.NotFound();
        }
    }

    private GitHubResult ListInstallationRepositories(HttpContext context)
    {
        var caller = Caller(context);
        lock (_gate)
        {
            var repos = _repos.Values.Where(r => r.InstallationId == caller.InstallationId).OrderBy(r => r.Id).ToList();
            var (page, link) = Pagination.Page(context, BaseUrl, repos);
            var result = GitHubResult.Json(new InstallationRepositoriesJson(repos.Count, "selected", [.. page.Select(RepoJson)]));
            return link is null ? result : result.WithHeader("Link", link);
        }
    }

    private GitHubResult GetRateLimit(HttpContext context)
    {
        var caller = Caller(context);
        var (key, limit) = RateKey(caller);
        lock (_gate)
        {
            var window = CurrentWindow(key);
            var core = new RateJson(limit, limit - window.Used, window.ResetEpoch, window.Used, "core");
            var reset = Clock().ToUnixTimeSeconds() + 60;
            return GitHubResult.Json(new RateLimitJson(
                new RateResourcesJson(
                    core,
                    new RateJson(30, 30, reset, 0, "search"),
                    new RateJson(5000, 5000, window.ResetEpoch, 0, "graphql"),
                    new RateJson(5000, 5000, window.ResetEpoch, 0, "integration_manifest")),
                core));
        }
    }
}
