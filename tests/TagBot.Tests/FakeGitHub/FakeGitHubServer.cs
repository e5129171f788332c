using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace TagBot.Tests.FakeGitHub;

/// <summary>Settings of a <see cref="FakeGitHubServer"/>.</summary>
public sealed record FakeGitHubOptions
{
    public long AppId { get; init; } = 4242;

    /// <summary>The app's slug; its bot user is "{slug}[bot]".</summary>
    public string AppSlug { get; init; } = "tagbot";

    public string AppName { get; init; } = "TagBot";

    /// <summary>Primary rate limit per hour for an installation token or the app JWT.</summary>
    public int RateLimitPerHour { get; init; } = 5000;
}

/// <summary>
/// A fake of GitHub's REST v3 API on loopback, for integration tests: real HTTP, GitHub's JSON
/// shapes and headers, an in-memory repository/issue/comment model that tests seed and inspect,
/// GitHub App authentication (RS256 JWT, installation tokens), ETags, pagination and fault injection.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable, IDisposable
{
    internal const string CallerItem = "fakegh.caller";
    private const string RecordedItem = "fakegh.recorded";
    private const string FaultItem = "fakegh.fault";
    private const string ArrivedItem = "fakegh.arrived";

    private readonly Lock _gate = new();
    private readonly RSA _appKey;
    private readonly FakeGitHubOptions _options;
    private readonly List<Exception> _unhandled = [];
    private readonly Dictionary<string, RateWindow> _rateWindows = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _requestIds;
    private int _disposed;

    private FakeGitHubServer(FakeGitHubOptions options)
    {
        _options = options;
        _appKey = RSA.Create(2048);
        PrivateKeyPem = _appKey.ExportRSAPrivateKeyPem();
        _botUser = new UserState($"{options.AppSlug}[bot]", 149000001, "Bot");
        _users[_botUser.Login] = _botUser;
    }

    /// <summary>The API root, e.g. http://127.0.0.1:54321/ (always ends with '/').</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public long AppId => _options.AppId;

    public string AppSlug => _options.AppSlug;

    /// <summary>The login of the app's bot user, e.g. "tagbot[bot]": the author of everything an installation token writes.</summary>
    public string BotLogin => _botUser.Login;

    /// <summary>The app's private key, PKCS#1 PEM ("-----BEGIN RSA PRIVATE KEY-----") as GitHub issues it.</summary>
    public string PrivateKeyPem { get; }

    /// <summary>The fake's clock: timestamps, token expiry and JWT validation all read it. Default: DateTimeOffset.UtcNow.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    public FaultInjector Faults { get; } = new();

    public RequestLog Requests { get; } = new();

    /// <summary>Exceptions thrown inside the fake while serving (answered as 500). Should stay empty.</summary>
    public IReadOnlyList<Exception> UnhandledErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _unhandled];
            }
        }
    }

    /// <summary>Starts a fake on a random loopback port.</summary>
    public static async Task<FakeGitHubServer> StartAsync(FakeGitHubOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeGitHubServer(options ?? new FakeGitHubOptions());
        try
        {
            await server.StartCoreAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        // An empty builder: no appsettings.json, environment variables or logging providers
        // from the test host leak into the fake.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRouting();
        var app = builder.Build();
        _app = app;

        app.Use(ObserveAsync);
        app.Use(RewriteRepositoryIdPaths);
        app.Use(IdentifyCaller);
        app.Use(InjectFaultsAsync);
        app.UseRouting();
        app.Use(Authorize);
        MapEndpoints(app);
        MapManifestEndpoints(app);
        MapTeamEndpoints(app);
        MapOAuthEndpoints(app);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _appKey.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The fake's now, truncated to whole seconds like GitHub's timestamps.</summary>
    internal DateTimeOffset Clock() => WholeSeconds(Now());

    private static DateTimeOffset WholeSeconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    // ---- pipeline ------------------------------------------------------------------------

    /// <summary>Outermost: GitHub headers, the request log, unhandled errors, 405 -> 404.</summary>
    private async Task ObserveAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        var rawTarget = RawTarget(context);
        string? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
        }

        var requestId = Interlocked.Increment(ref _requestIds);
        context.Items[ArrivedItem] = System.Diagnostics.Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            WriteGitHubHeaders(context, requestId, rawTarget);
            Record(context, method, rawTarget, context.Response.StatusCode, body);
            return Task.CompletedTask;
        });

        try
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
            {
                // GitHub answers an unsupported method on a known path with 404, not 405.
                context.Response.Headers.Allow = default;
                await GitHubResult.NotFound().ExecuteAsync(context);
            }
            else if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted)
            {
                // No route matched: GitHub's 404 JSON rather than an empty body.
                await GitHubResult.NotFound().ExecuteAsync(context);
            }
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            lock (_gate)
            {
                _unhandled.Add(ex);
            }

            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await GitHubResult.Error(500, "Server Error: " + ex.Message).ExecuteAsync(context);
            }
        }
    }

    private void Record(HttpContext context, string method, string rawTarget, int status, string? body)
    {
        if (context.Items.ContainsKey(RecordedItem))
        {
            return;
        }

        context.Items[RecordedItem] = true;
        Requests.Add(
            method,
            rawTarget.TrimStart('/'),
            status,
            context.Items.ContainsKey(GitHubResult.ConditionalItem) || context.Request.Headers.IfNoneMatch.Count > 0,
            context.Items.ContainsKey(GitHubResult.NotModifiedItem),
            body,
            context.Items.TryGetValue(FaultItem, out var fault) ? fault?.ToString() : null,
            Now(),
            context.Items.TryGetValue(ArrivedItem, out var arrived) ? (long)arrived! : 0);
    }

    private void WriteGitHubHeaders(HttpContext context, long requestId, string rawTarget)
    {
        var headers = context.Response.Headers;
        headers["X-GitHub-Request-Id"] = string.Create(CultureInfo.InvariantCulture, $"FAKE:{Environment.ProcessId:X4}:{requestId:X6}:{requestId * 7919 % 0xFFFFFF:X6}");
        headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        headers["X-GitHub-Api-Version-Selected"] = "2022-11-28";
        headers["Server"] = "github.com";
        headers.Vary = "Accept, Authorization, Cookie, X-GitHub-OTP";
        if (headers.ContainsKey("X-RateLimit-Limit"))
        {
            return; // a fault already wrote its own rate-limit headers
        }

        var caller = Caller(context);
        var counts = !context.Items.ContainsKey(GitHubResult.NotModifiedItem)
            && !rawTarget.TrimStart('/').StartsWith("rate_limit", StringComparison.Ordinal);
        var (limit, remaining, reset, used) = ConsumeRate(caller, counts);
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = used.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = "core";
    }

    /// <summary>GET repositories/{id}/... is GET repos/{owner}/{name}/... (Octokit's repositoryId overloads).</summary>
    private Task RewriteRepositoryIdPaths(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/repositories/", StringComparison.Ordinal))
        {
            var rest = path["/repositories/".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var idText = slash < 0 ? rest : rest[..slash];
            if (long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                string? fullName;
                lock (_gate)
                {
                    fullName = _repos.Values.FirstOrDefault(r => r.Id == id)?.FullName;
                }

                if (fullName is not null)
                {
                    var tail = slash < 0 ? "" : rest[slash..];
                    context.Request.Path = new PathString($"/repos/{fullName}{tail}");
                    var feature = context.Features.Get<IHttpRequestFeature>();
                    if (feature is not null)
                    {
                        var rawTail = feature.RawTarget["/repositories/".Length..];
                        var rawSlash = rawTail.IndexOfAny(['/', '?']);
                        feature.RawTarget = $"/repos/{fullName}{(rawSlash < 0 ? "" : rawTail[rawSlash..])}";
                    }
                }
            }
        }

        return next(context);
    }

    private async Task InjectFaultsAsync(HttpContext context, RequestDelegate next)
    {
        var path = (context.Request.Path.Value ?? "").TrimStart('/');
        var rawPath = RawTarget(context).Split('?', 2)[0].TrimStart('/');
        if (Faults.Latency is { Ticks: > 0 } latency)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        var fault = Faults.Take(context.Request.Method, path, rawPath);
        if (fault is null)
        {
            await next(context);
            return;
        }

        context.Items[FaultItem] = fault;
        switch (fault.Kind)
        {
            case FaultKind.Delay:
                await Task.Delay(fault.Duration, context.RequestAborted);
                await next(context);
                return;
            case FaultKind.Abort:
                Record(context, context.Request.Method, RawTarget(context), 0, null);
                context.Abort();
                return;
            case FaultKind.SecondaryRateLimit:
                await GitHubResult.Error(
                        403,
                        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID " + context.TraceIdentifier + ".",
                        documentationUrl: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
                    .WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))
                    .ExecuteAsync(context);
                return;
            case FaultKind.TooManyRequests:
                await GitHubResult.Error(429, fault.Message ?? "Too Many Requests")
                    .WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))
                    .ExecuteAsync(context);
                return;
            case FaultKind.PrimaryRateLimit:
                {
                    var caller = Caller(context);
                    var reset = fault.ResetAt ?? Clock().AddHours(1);
                    await PrimaryRateLimitExceeded(caller, reset.ToUnixTimeSeconds(), _options.RateLimitPerHour).ExecuteAsync(context);
                    return;
                }

            default:
                await GitHubResult.Error(fault.StatusCode, fault.Message ?? DefaultReason(fault.StatusCode)).ExecuteAsync(context);
                return;
        }
    }

    private static GitHubResult PrimaryRateLimitExceeded(Caller caller, long resetEpoch, int limit)
    {
        var who = caller.Kind == CallerKind.Installation
            ? $"installation ID {caller.InstallationId}"
            : "127.0.0.1";
        return GitHubResult.Error(
                403,
                $"API rate limit exceeded for {who}. If you reach out to GitHub Support for help, please include the request ID.",
                documentationUrl: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api")
            .WithHeader("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", resetEpoch.ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Used", limit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Resource", "core");
    }

    private static string DefaultReason(int status) => status switch
    {
        500 => "Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    private static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path + context.Request.QueryString);

    /// <summary>
    /// The URL-decoded path segments after the first <paramref name="skip"/> segments of the raw
    /// request path, joined by '/'. Label names and file paths go through here so that both
    /// "status%2Fdiscussion" and "status/discussion" mean the label "status/discussion".
    /// </summary>
    internal static string RawTail(HttpContext context, int skip)
    {
        var path = RawTarget(context).Split('?', 2)[0].TrimStart('/');
        var segments = path.Split('/');
        return string.Join('/', segments.Skip(skip).Select(Uri.UnescapeDataString)).TrimEnd('/');
    }

    // ---- rate limits ---------------------------------------------------------------------

    private sealed class RateWindow
    {
        public long ResetEpoch { get; set; }

        public int Used { get; set; }
    }

    private (int Limit, int Remaining, long Reset, int Used) ConsumeRate(Caller caller, bool counts)
    {
        var (key, limit) = RateKey(caller);
        lock (_gate)
        {
            var window = CurrentWindow(key);
            if (counts && window.Used < limit)
            {
                window.Used++;
            }

            return (limit, limit - window.Used, window.ResetEpoch, window.Used);
        }
    }

    private RateWindow CurrentWindow(string key)
    {
        var now = Clock().ToUnixTimeSeconds();
        if (!_rateWindows.TryGetValue(key, out var window) || window.ResetEpoch <= now)
        {
            window = new RateWindow { ResetEpoch = now + 3600 };
            _rateWindows[key] = window;
        }

        return window;
    }

    private (string Key, int Limit) RateKey(Caller caller) => caller.Kind switch
    {
        CallerKind.Installation => ($"installation:{caller.InstallationId}", _options.RateLimitPerHour),
        CallerKind.App => ("app", _options.RateLimitPerHour),
        _ => ("anonymous", 60),
    };

    /// <summary>The primary rate-limit window of an installation: (limit, remaining, reset epoch).</summary>
    public (int Limit, int Remaining, long ResetEpoch) RateLimitFor(long installationId)
    {
        var (key, limit) = RateKey(new Caller(CallerKind.Installation, installationId));
        lock (_gate)
        {
            var window = CurrentWindow(key);
            return (limit, limit - window.Used, window.ResetEpoch);
        }
    }

    /// <summary>Sets how many calls an installation has left in the current hour (0 makes every call a 403 rate-limit error).</summary>
    public void SetRateLimitRemaining(long installationId, int remaining)
    {
        var (key, limit) = RateKey(new Caller(CallerKind.Installation, installationId));
        lock (_gate)
        {
            CurrentWindow(key).Used = Math.Clamp(limit - remaining, 0, limit);
        }
    }
}
