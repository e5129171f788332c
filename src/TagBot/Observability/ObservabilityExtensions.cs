using System.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using TagBot.GitHub;
using TagBot.Hosting;
using TagBot.Webhooks;

namespace TagBot.Observability;

/// <summary>
/// Metrics and logs of the service. Instruments live on the standard .NET meter <c>TagBot</c>;
/// OpenTelemetry's Prometheus exporter serves them as text on <c>GET /metrics</c>.
/// </summary>
public static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddTagBotObservability(this IServiceCollection services)
    {
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<TagBotMetrics>();
        services.AddSingleton<InboxDepth>();
        services.AddTransient<GitHubRequestMetricsHandler>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tagbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TagBotMetrics.MeterName)
                    .AddPrometheusExporter(prometheus =>
                    {
                        // Each scrape sees the latest counts (tests and operators scrape right after an event).
                        prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                        prometheus.ScopeInfoEnabled = false;
                    });
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
                    builder.AddView(OnlyFrom(provider.GetRequiredService<IMeterFactory>())));
            });
        return services;
    }

    /// <summary>
    /// Keeps the instruments of this host's meters: meters are process-wide and the exporter
    /// listens by name, so a process hosting several apps (the test suite) would mix their series.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyFrom(IMeterFactory own) =>
        instrument => ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop;

    /// <summary>
    /// Maps <c>GET /metrics</c> (the inbox depth is read just before each scrape) and counts the
    /// webhook requests the intake never saw: rejected (4xx), ignored (ping, unhandled events) or
    /// failed (5xx).
    /// </summary>
    public static WebApplication UseTagBotObservability(this WebApplication app)
    {
        app.Use(CountUnprocessedDeliveries);
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<InboxDepth>().RefreshAsync(context.RequestAborted);
            await next(context);
        }), optionsName: null);
        return app;
    }

    private static async Task CountUnprocessedDeliveries(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(TagBotApp.WebhookPath, StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        var metrics = context.RequestServices.GetRequiredService<WebhookMetrics>();
        using var request = metrics.TrackRequest();
        try
        {
            await next();
        }
        catch
        {
            metrics.Unprocessed(request, context.Request.Headers["X-GitHub-Event"].ToString(), StatusCodes.Status500InternalServerError);
            throw;
        }

        metrics.Unprocessed(request, context.Request.Headers["X-GitHub-Event"].ToString(), context.Response.StatusCode);
    }
}
