using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace TagBot.Ballots;

/// <summary>
/// Sign-in with GitHub through the App's OAuth client: ASP.NET Core's OAuth handler (it checks
/// <c>state</c> and its correlation cookie, and sends a PKCE challenge), no scopes (a GitHub App's
/// user token only proves who the user is), then <c>GET /user</c> for the ID and login. The user
/// token is dropped once the identity is read; only a cookie with ID and login remains.
/// </summary>
public static class GitHubSignIn
{
    public const string CookieScheme = "TagBot.Ballots";
    public const string GitHubScheme = "GitHub";
    public const string CallbackPath = "/elections/signin-github";

    public static void Add(IServiceCollection services, BallotWebOptions web)
    {
        var secure = web.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "tagbot.ballot";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        }).AddOAuth(GitHubScheme, "GitHub", oauth =>
        {
            oauth.ClientId = web.ClientId!;
            oauth.ClientSecret = web.ClientSecret ?? "";
            oauth.CallbackPath = CallbackPath;
            oauth.AuthorizationEndpoint = new Uri(web.WebBaseUrl, "login/oauth/authorize").AbsoluteUri;
            oauth.TokenEndpoint = new Uri(web.WebBaseUrl, "login/oauth/access_token").AbsoluteUri;
            oauth.UserInformationEndpoint = new Uri(web.ApiBaseUrl, "user").AbsoluteUri;
            oauth.UsePkce = true;
            oauth.SaveTokens = false;
            oauth.SignInScheme = CookieScheme;
            // GitHub answers the callback with a top-level GET: Lax cookies come back with it.
            oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oauth.CorrelationCookie.SecurePolicy = secure;
            oauth.Events.OnCreatingTicket = ReadIdentityAsync;
        });
    }

    private static async Task ReadIdentityAsync(OAuthCreatingTicketContext context)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("TagBot");
        using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
        response.EnsureSuccessStatusCode();
        using var user = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
        var id = user.RootElement.GetProperty("id").GetInt64();
        var login = user.RootElement.GetProperty("login").GetString() ?? throw new InvalidOperationException("GitHub's /user answer has no login.");
        context.Identity!.AddClaim(new Claim(ClaimTypes.NameIdentifier, id.ToString(CultureInfo.InvariantCulture)));
        context.Identity.AddClaim(new Claim(ClaimTypes.Name, login));
    }
}
