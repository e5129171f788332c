using Microsoft.Extensions.Hosting;
using NSubstitute;
using TagBot.Observability;

namespace TagBot.Tests.Observability;

public sealed class TagBotLoggingTests
{
    private static IHostEnvironment Environment(string name)
    {
        var environment = Substitute.For<IHostEnvironment>();
        environment.EnvironmentName.Returns(name);
        return environment;
    }

    [Theory]
    [InlineData(null, "Production", "json")]
    [InlineData(null, "Staging", "json")]
    [InlineData(null, "Development", "simple")]
    [InlineData("", "Development", "simple")]
    [InlineData("json", "Development", "json")]
    [InlineData(" JSON ", "Production", "json")]
    [InlineData("simple", "Production", "simple")]
    public void The_format_is_json_unless_developing_or_asked(string? configured, string environment, string expected) =>
        Assert.Equal(expected, TagBotLogging.Format(configured, Environment(environment)));

    [Fact]
    public void An_unknown_format_stops_the_start_and_names_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TagBotLogging.Format("xml", Environment("Production")));

        Assert.Contains("Logging__Format", error.Message, StringComparison.Ordinal);
    }
}
