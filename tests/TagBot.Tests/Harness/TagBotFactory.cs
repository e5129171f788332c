using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TagBot.Tests.Harness;

/// <summary>
/// The real TagBot app (real ASP.NET pipeline, real SQLite file, real Octokit) pointed at the fake
/// GitHub. Settings arrive the way an operator gives them: as configuration keys.
/// </summary>
/// <param name="services">More registrations (a log capture), applied after TagBot's own.</param>
public sealed class TagBotFactory(IReadOnlyDictionary<string, string?> settings, TimeProvider clock, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(collection =>
        {
            collection.RemoveAll<TimeProvider>();
            collection.AddSingleton(clock);
            services?.Invoke(collection);
        });
    }
}
