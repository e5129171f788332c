using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TagBot.Inbox;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Hostile;

/// <summary>
/// TagBot in process against a world's fake GitHub, with settings and services of the test's own
/// (a second webhook secret, a log capture) and its own SQLite file. The world's own app is stopped
/// first, so exactly one TagBot talks to the fake.
/// </summary>
public sealed class IsolatedTagBot : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _directory;

    private IsolatedTagBot(WebApplicationFactory<Program> factory, string directory, string secret)
    {
        _factory = factory;
        _directory = directory;
        Client = factory.CreateClient();
        Webhooks = new WebhookSender(Client, secret);
    }

    public HttpClient Client { get; }

    public WebhookSender Webhooks { get; }

    public IServiceProvider Services => _factory.Services;

    public string DatabasePath => Path.Combine(_directory, "tagbot.db");

    public static async Task<IsolatedTagBot> StartAsync(
        GovernanceWorld world, IReadOnlyDictionary<string, string?> extraSettings, int workers = 0, Action<IServiceCollection>? services = null)
    {
        await world.StopTagBotAsync();
        var directory = Directory.CreateTempSubdirectory("tagbot-hostile-").FullName;
        var settings = world.Settings(workers);
        settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "tagbot.db")}";
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        var factory = new TagBotFactory(settings, world.Clock)
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(s => services?.Invoke(s)));
        return new IsolatedTagBot(factory, directory, settings["GitHub:WebhookSecret"] ?? GovernanceWorld.Secret);
    }

    /// <summary>Webhook deliveries in the SQLite file (sweep work left out).</summary>
    public async Task<IReadOnlyList<StoredDelivery>> StoredDeliveriesAsync()
    {
        await Services.GetRequiredService<IInbox>().InitializeAsync(CancellationToken.None);
        return await StoredDelivery.ReadAsync(DatabasePath);
    }

    /// <summary>Waits until every stored delivery has been processed.</summary>
    public async Task IdleAsync(TimeSpan? timeout = null)
    {
        var inbox = Services.GetRequiredService<IInbox>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (await inbox.PendingCountAsync(CancellationToken.None) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("TagBot still has pending deliveries.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A row of the SQLite inbox, read straight from the file.</summary>
public sealed record StoredDelivery(string Id, string Repository, long Installation, long? Issue, string? Action, string? Sender)
{
    public static async Task<IReadOnlyList<StoredDelivery>> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivery_id, repository, installation_id, issue_number, action, sender FROM tagbot_deliveries WHERE event <> 'sweep'";
        var rows = new List<StoredDelivery>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredDelivery(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }
}
