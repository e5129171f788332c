namespace TagBot.Hosting;

/// <summary><c>TagBot --healthcheck [URL]</c>: exit 0 when the running service answers its health endpoint.</summary>
public static class HealthCheck
{
    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"unhealthy: {e.Message}");
            return 1;
        }
    }
}
