using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace TagBot.Tests.FakeGitHub;

// GitHub's web sign-in for the App's OAuth client: /login/oauth/authorize (the browser), 
// POST /login/oauth/access_token (the app's back channel) and GET /user with the user's token.
// The fake's web host is its API host: the app under test gets both URLs pointing here.
public sealed partial class FakeGitHubServer
{
    public const string OAuthClientId = "Iv23liFakeClientId";
    public const string OAuthClientSecret = "fake-oauth-client-secret";

    private readonly Dictionary<string, OAuthCode> _oauthCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _userTokens = new(StringComparer.Ordinal);
    private string? _signingIn;

    /// <summary>
    /// Who is signed in to GitHub in the browser: the next <c>/login/oauth/authorize</c> authorizes
    /// them at once (as GitHub does for an App the user has authorized before).
    /// </summary>
    public FakeUser SignInAs(string login)
    {
        lock (_gate)
        {
            var user = EnsureUser(login);
            _signingIn = user.Login;
            return new FakeUser(user.Login, user.Id, user.Type);
        }
    }

    /// <summary>Every <c>/login/oauth/authorize</c> query seen, oldest first, for tests of what the app asks for.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> AuthorizeRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _authorizeRequests];
            }
        }
    }

    private readonly List<IReadOnlyDictionary<string, string>> _authorizeRequests = [];

    private bool IsUserToken(string credential)
    {
        lock (_gate)
        {
            return _userTokens.ContainsKey(credential);
        }
    }

    private void MapOAuthEndpoints(WebApplication app)
    {
        app.MapGet("/login/oauth/authorize", (Func<HttpContext, IResult>)AuthorizeUser).WithMetadata(new AuthRequirement(AuthKind.None));
        app.MapPost("/login/oauth/access_token", (Func<HttpContext, Task<IResult>>)AccessTokenAsync).WithMetadata(new AuthRequirement(AuthKind.None));
        app.MapGet("/user", (Func<HttpContext, GitHubResult>)AuthenticatedUser).WithMetadata(new AuthRequirement(AuthKind.None));
    }

    private IResult AuthorizeUser(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        lock (_gate)
        {
            _authorizeRequests.Add(query);
            if (query.GetValueOrDefault("client_id") != OAuthClientId)
            {
                return Results.Content("<h1>404: this is not a known OAuth application</h1>", "text/html", statusCode: 404);
            }

            if (_signingIn is null)
            {
                return Results.Content("<h1>Sign in to GitHub</h1><p>(the test did not call SignInAs)</p>", "text/html", statusCode: 200);
            }

            var redirect = query.GetValueOrDefault("redirect_uri") ?? "";
            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
            _oauthCodes[code] = new OAuthCode(_signingIn, redirect, query.GetValueOrDefault("code_challenge"), Clock().AddMinutes(10));
            var target = QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = query.GetValueOrDefault("state") });
            return Results.Redirect(target);
        }
    }

    /// <summary>GitHub's token exchange: form or JSON in; JSON out with <c>Accept: application/json</c>, else form-encoded; errors are 200s with an <c>error</c>.</summary>
    private async Task<IResult> AccessTokenAsync(HttpContext context)
    {
        Dictionary<string, string> fields;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }
        else
        {
            fields = (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(context.Request.Body, cancellationToken: context.RequestAborted)) ?? [];
        }

        var answer = Exchange(fields);
        if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(answer);
        }

        return Results.Content(string.Join('&', answer.Select(a => $"{a.Key}={Uri.EscapeDataString(a.Value)}")), "application/x-www-form-urlencoded");
    }

    private Dictionary<string, string> Exchange(Dictionary<string, string> fields)
    {
        if (fields.GetValueOrDefault("client_id") != OAuthClientId || fields.GetValueOrDefault("client_secret") != OAuthClientSecret)
        {
            return OAuthError("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
        }

        lock (_gate)
        {
            if (!_oauthCodes.Remove(fields.GetValueOrDefault("code") ?? "", out var code) || code.ExpiresAt < Clock())
            {
                return OAuthError("bad_verification_code", "The code passed is incorrect or expired.");
            }

            if (fields.TryGetValue("redirect_uri", out var redirect) && redirect != code.RedirectUri)
            {
                return OAuthError("redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL for this application.");
            }

            if (code.Challenge is not null
                && Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(fields.GetValueOrDefault("code_verifier") ?? ""))) != code.Challenge)
            {
                return OAuthError("bad_verification_code", "The code_verifier does not match the code_challenge.");
            }

            var token = "ghu_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36);
            _userTokens[token] = code.Login;
            return new Dictionary<string, string>(StringComparer.Ordinal) { ["access_token"] = token, ["token_type"] = "bearer", ["scope"] = "" };
        }
    }

    private static Dictionary<string, string> OAuthError(string error, string description) => new(StringComparer.Ordinal)
    {
        ["error"] = error,
        ["error_description"] = description,
        ["error_uri"] = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors",
    };

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>GET /user: the account a user token belongs to; an installation token is refused as GitHub refuses it.</summary>
    private GitHubResult AuthenticatedUser(HttpContext context)
    {
        var parts = context.Request.Headers.Authorization.ToString().Split(' ', 2, StringSplitOptions.TrimEntries);
        lock (_gate)
        {
            if (parts.Length == 2 && _userTokens.TryGetValue(parts[1], out var login))
            {
                return GitHubResult.Json(UserJson(login));
            }
        }

        return Caller(context).Kind == CallerKind.Installation
            ? GitHubResult.Error(403, "Resource not accessible by integration")
            : GitHubResult.Error(401, "Requires authentication");
    }

    private sealed record OAuthCode(string Login, string RedirectUri, string? Challenge, DateTimeOffset ExpiresAt);
}
