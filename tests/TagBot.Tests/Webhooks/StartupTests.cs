using TagBot.Tests.Harness;

namespace TagBot.Tests.Webhooks;

/// <summary>The webhook library fails open without a secret; TagBot must refuse to start instead.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task The_real_service_refuses_to_start_without_a_webhook_secret(string? secret)
    {
        await using var world = await GovernanceWorld.StartAsync(workers: 0);
        var settings = world.Settings(workers: 0);
        settings["GitHub:WebhookSecret"] = secret;
        settings["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var tagbot = TagBotProcess.Start(settings);

        var exitCode = await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("GitHub__WebhookSecret is required", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_service_starts_with_a_secret_and_answers_health()
    {
        await using var world = await GovernanceWorld.StartAsync(workers: 0);
        var settings = world.Settings(workers: 0);
        var port = FreePort();
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        using var tagbot = TagBotProcess.Start(settings);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var healthy = false;
        for (var i = 0; i < 150 && !healthy; i++)
        {
            try
            {
                healthy = (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(healthy, tagbot.Output);
        Assert.Equal(0, await TagBot.Hosting.HealthCheck.RunAsync($"http://127.0.0.1:{port}/healthz"));
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
