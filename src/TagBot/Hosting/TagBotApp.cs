using Microsoft.Extensions.Options;
using TagBot.Ballots;
using TagBot.Configuration;
using TagBot.GitHub;
using TagBot.Inbox;
using TagBot.Inbox.Postgres;
using TagBot.Inbox.Sql;
using TagBot.Inbox.Sqlite;
using TagBot.Observability;
using TagBot.Reconcile;
using TagBot.Webhooks;

namespace TagBot.Hosting;

/// <summary>Wires the thin shell around the core: intake, inbox, worker, sweep and GitHub adapter.</summary>
public static class TagBotApp
{
    /// <summary>GitHub caps webhook payloads at 25 MB; anything larger is refused before it is read.</summary>
    public const long MaxWebhookBytes = 25 * 1024 * 1024;

    public const string WebhookPath = "/api/github/webhooks";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddTagBotConsole(builder.Configuration, builder.Environment);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxWebhookBytes);
        AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        app.UseTagBotObservability();
        MapEndpoints(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GitHubOptions>().Bind(configuration.GetSection(GitHubOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.WebhookSecret),
                "GitHub__WebhookSecret is required: without it anyone could post forged events.")
            .Validate(o => o.AppId > 0, "GitHub__AppId is required (the numeric App ID from the App's settings page).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PrivateKey) || !string.IsNullOrWhiteSpace(o.PrivateKeyPath),
                "GitHub__PrivateKeyPath or GitHub__PrivateKey is required (the App's PEM private key).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GitHubOptions>, PrivateKeyCheck>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => o.Provider is "sqlite" or "postgres", "Storage__Provider must be 'sqlite' or 'postgres'.")
            .Validate(o => o.Provider != "postgres" || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage__ConnectionString (an Npgsql connection string) is required with Storage__Provider=postgres.")
            .ValidateOnStart();
        services.AddOptions<TagBotOptions>().Bind(configuration.GetSection(TagBotOptions.Section))
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "TagBot__SweepInterval must be positive.")
            .ValidateOnStart();
        // Signatures are checked against GitHub__WebhookSecret and, while rotating, GitHub__WebhookSecretPrevious.
        services.AddSingleton<WebhookSignatures>();

        // HttpClient's own request logging keeps the raw headers (the App JWT, installation tokens) in
        // its structured state at Trace, whatever its message redacts: GitHub calls are not logged by it.
        services.AddHttpClient(GitHubClientFactory.HttpClientName).RemoveAllLoggers();

        services.AddSingleton(TimeProvider.System);
        services.AddTagBotObservability();
        services.AddSingleton<WebhookIntake>();

        services.AddSingleton<IStoreDatabase>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == "postgres"
                ? ActivatorUtilities.CreateInstance<PostgresDatabase>(sp)
                : ActivatorUtilities.CreateInstance<SqliteDatabase>(sp));
        services.AddSingleton<IInbox, SqlInbox>();
        services.AddSingleton<ILedger, SqlLedger>();
        services.AddSingleton<Comments.ICommentCache, Comments.SqlCommentCache>();
        services.AddSingleton<Comments.CommentReader>();

        services.AddHttpClient(GitHubClientFactory.HttpClientName)
            .AddResilienceHandler("github", (pipeline, context) =>
            {
                var github = context.ServiceProvider.GetRequiredService<IOptions<GitHubOptions>>().Value;
                GitHubResilience.Configure(pipeline, github.MaxInlineRateLimitWait, context.ServiceProvider.GetRequiredService<TimeProvider>());
            });
        services.AddHttpClient(GitHubClientFactory.HttpClientName).AddHttpMessageHandler<GitHubRequestMetricsHandler>();
        // Each attempt and retry is a Debug line; the failure that outlasts the retries is the caller's one Warning.
        services.Configure<Polly.Telemetry.TelemetryOptions>(telemetry => telemetry.SeverityProvider = _ => Polly.Telemetry.ResilienceEventSeverity.Debug);
        services.AddSingleton<GitHubClientFactory>();
        services.AddSingleton<LabelCatalog>();
        services.AddSingleton<AppGateway>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<InstallationRateLimits>();

        services.AddSingleton<WorkSignal>();
        services.AddSingleton<GovernanceSources>();
        services.AddSingleton<ElectionInputs>();
        services.AddSingleton<IssueReader>();
        services.AddSingleton<PlanExecutor>();
        services.AddSingleton<SecretBallotInputs>();
        services.AddSingleton<ScheduleRunner>();
        services.AddSingleton<Reconciler>();
        services.AddHostedService<ReconcileWorker>();
        services.AddSingleton<Sweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<Sweeper>());
        services.AddBallots(configuration);
    }

    public static void MapEndpoints(WebApplication app)
    {
        app.Use(RefuseOversizedBodies);
        app.MapGitHubDeliveries(WebhookPath, MaxWebhookBytes);
        app.MapHealth();
        app.MapBallots();
    }

    /// <summary>
    /// A declared oversized body is refused before a byte is read; an undeclared (chunked) one is
    /// cut off by the server's body limit while it streams in.
    /// </summary>
    private static Task RefuseOversizedBodies(HttpContext context, Func<Task> next)
    {
        if (context.Request.ContentLength > MaxWebhookBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxWebhookBytes;
        }

        return next();
    }
}
