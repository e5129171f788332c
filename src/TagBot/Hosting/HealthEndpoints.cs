using TagBot.Inbox;

namespace TagBot.Hosting;

/// <summary>
/// <c>/healthz</c> (alive) and <c>/readyz</c> (the store answers). Probes come several times a
/// minute from Docker, Kubernetes and load balancers, so each is one line at Debug, never at Information.
/// </summary>
public static partial class HealthEndpoints
{
    public const string Category = "TagBot.Health";

    public static void MapHealth(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.MapGet("/healthz", () =>
        {
            LogProbe(logger, "/healthz", StatusCodes.Status200OK);
            return Results.Text("ok");
        });
        app.MapGet("/readyz", async (IInbox inbox, CancellationToken cancellationToken) =>
        {
            var ready = await inbox.PingAsync(cancellationToken);
            LogProbe(logger, "/readyz", ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            return ready ? Results.Text("ready") : Results.Text("storage unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Probe {Path} answered {Status}")]
    private static partial void LogProbe(ILogger logger, string path, int status);
}
