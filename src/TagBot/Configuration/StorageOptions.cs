namespace TagBot.Configuration;

/// <summary>Where the durable inbox lives, bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (default, one replica) or <c>postgres</c> (several replicas).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite: <c>Data Source=PATH</c>; PostgreSQL: an Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    public string SqliteConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={Path.Combine(Environment.CurrentDirectory, "tagbot.db")}" : ConnectionString;
}
