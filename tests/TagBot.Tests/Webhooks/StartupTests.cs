using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Webhooks;

/// <summary>The webhook library fails open without a secret; TagBot must refuse to start instead.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task The_service_refuses_to_start_without_a_webhook_secret(string? secret)
    {
        await using var world = await GovernanceWorld.StartAsync(workers: 0);
        var settings = world.Settings(workers: 0);
        settings["GitHub:WebhookSecret"] = secret;
        await using var app = new TagBotFactory(settings, world.Clock);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("WebhookSecret", error.Message, StringComparison.Ordinal);
    }
}
