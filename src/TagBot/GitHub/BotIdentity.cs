namespace TagBot.GitHub;

/// <summary>
/// TagBot's own login (<c>slug[bot]</c>), learned once from <c>GET /app</c>. Deliveries caused only
/// by TagBot's own actions are skipped: reconciling them would change nothing, but costs requests.
/// </summary>
public sealed class BotIdentity(AppGateway app, ILogger<BotIdentity> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _login;

    public async Task<string?> LoginAsync()
    {
        if (_login is not null)
        {
            return _login;
        }

        await _gate.WaitAsync();
        try
        {
            if (_login is null)
            {
                _login = await app.LoginAsync();
            }
        }
        catch (Exception e) when (e is Octokit.ApiException or HttpRequestException)
        {
            logger.LogWarning(e, "Could not read the App's identity; own events will be reconciled (harmless, costs requests)");
        }
        finally
        {
            _gate.Release();
        }

        return _login;
    }

    public void Dispose() => _gate.Dispose();
}
