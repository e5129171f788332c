using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TagBot.Inbox.Sql;

namespace TagBot.Ballots;

/// <summary>Wires the secret-ballot page into the host: <c>services.AddBallots(configuration)</c>, <c>app.MapBallots()</c>.</summary>
/// <remarks>
/// The box and the stored views are always there (the reconcile seals and counts through them). The
/// site itself (Razor Pages, sign-in, antiforgery, Data Protection) is built only with an OAuth
/// client: without one nobody can sign in, no status comment links the page, and an operator who
/// never uses secret ballots does not carry MVC in memory (docs/performance.md, "Next to Probot").
/// </remarks>
public static class BallotsExtensions
{
    public static IServiceCollection AddBallots(this IServiceCollection services, IConfiguration configuration)
    {
        var web = BallotWebOptions.From(configuration);
        services.AddSingleton(Options.Create(web));
        services.AddSingleton<IBallotBox, SqlBallotBox>();
        services.AddSingleton<SqlBallotElections>();
        services.TryAddSingleton<IBallotElections>(sp => sp.GetRequiredService<SqlBallotElections>());
        if (!web.Configured)
        {
            return services;
        }

        // Replicas share one key ring in the store, so a cookie or form from one is valid on all.
        services.AddDataProtection().SetApplicationName("TagBot");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(keys =>
            {
                keys.XmlRepository = new SqlXmlRepository(sp.GetRequiredService<IStoreDatabase>);
                // Stored as written, on purpose and documented (docs/ballots.md): the database is the trust boundary.
                keys.XmlEncryptor = new NullXmlEncryptor();
            }));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "tagbot.antiforgery";
            antiforgery.Cookie.SecurePolicy = web.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        GitHubSignIn.Add(services, web);
        services.AddRazorPages(pages => pages.RootDirectory = "/Ballots/Pages");
        return services;
    }

    public static WebApplication MapBallots(this WebApplication app)
    {
        var web = app.Services.GetRequiredService<IOptions<BallotWebOptions>>().Value;
        if (!web.Configured)
        {
            app.MapGet("/elections/{**path}", NotConfiguredAsync);
            return app;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments("/elections"), ballots => ballots.Use((context, next) =>
        {
            if (web.PublicUrl is { } publicUrl)
            {
                // Behind a proxy the OAuth callback and the Secure cookie flag follow the public address.
                context.Request.Scheme = publicUrl.Scheme;
                context.Request.Host = HostString.FromUriComponent(publicUrl);
            }

            PageHeaders(context.Response.Headers, $"form-action 'self' {web.WebBaseUrl.GetLeftPart(UriPartial.Authority)}; ");
            return next(context);
        }).UseAuthentication()); // only the ballot pages sign anyone in: webhooks, health and metrics skip it
        app.MapRazorPages();
        return app;
    }

    /// <summary>What the page says without an OAuth client; headers as on the real page.</summary>
    private static Task NotConfiguredAsync(HttpContext context)
    {
        PageHeaders(context.Response.Headers, formAction: "");
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(NotConfiguredPage.Html, context.RequestAborted);
    }

    /// <summary>No scripts, no framing, no referrer, no caching; forms only where <paramref name="formAction"/> allows.</summary>
    private static void PageHeaders(IHeaderDictionary headers, string formAction)
    {
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline'; {formAction}frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
