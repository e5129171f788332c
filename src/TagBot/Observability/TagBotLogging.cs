namespace TagBot.Observability;

/// <summary>
/// Console logs: one JSON object per line (<c>Logging__Format=json</c>, the default outside the
/// Development environment) for log collectors, or the readable multi-line format
/// (<c>Logging__Format=simple</c>, the default in Development). Both include scopes, so every line
/// written while a delivery is handled carries its <c>DeliveryId</c>, <c>Repository</c> and <c>Issue</c>.
/// </summary>
public static class TagBotLogging
{
    public const string FormatKey = "Logging:Format";

    /// <summary>
    /// Categories that log every request at Information (several lines each: GitHub calls, and
    /// ASP.NET Core's lines for every health probe); they log at Warning unless
    /// <c>Logging__LogLevel__CATEGORY</c> says otherwise. Set in code, not appsettings.json, which is
    /// not read when TagBot starts from another folder (<c>dotnet run --project</c>, a service manager).
    /// </summary>
    public static readonly IReadOnlyList<string> QuietCategories = ["System.Net.Http.HttpClient", "Polly", "Microsoft.AspNetCore"];

    public static ILoggingBuilder AddTagBotConsole(this ILoggingBuilder logging, IConfiguration configuration, IHostEnvironment environment)
    {
        var format = Format(configuration[FormatKey], environment);
        foreach (var category in QuietCategories.Where(c => configuration[$"Logging:LogLevel:{c}"] is null))
        {
            logging.AddFilter(category, LogLevel.Warning);
        }

        if (format == "json")
        {
            logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else
        {
            logging.AddSimpleConsole(simple =>
            {
                simple.IncludeScopes = true;
                simple.TimestampFormat = "HH:mm:ss ";
            });
        }

        return logging;
    }

    /// <summary><c>json</c> or <c>simple</c>; anything else stops the start with a message naming the setting.</summary>
    public static string Format(string? configured, IHostEnvironment environment) =>
        configured?.Trim().ToLowerInvariant() switch
        {
            null or "" => environment.IsDevelopment() ? "simple" : "json",
            "json" => "json",
            "simple" => "simple",
            _ => throw new InvalidOperationException($"Logging__Format must be 'json' or 'simple', not '{configured}'."),
        };
}
