using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TagBot.Tests.Harness;

/// <summary>
/// The real TagBot app (real ASP.NET pipeline, real SQLite file, real Octokit) pointed at the fake
/// GitHub. Settings arrive the way an operator gives them: as configuration keys.
/// </summary>
public sealed class TagBotFactory(IReadOnlyDictionary<string, string?> settings, TimeProvider clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        });
    }
}
