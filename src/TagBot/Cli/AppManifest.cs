using System.Text.Json;
using YamlDotNet.Serialization;

namespace TagBot.Cli;

/// <summary>The fields of GitHub's App manifest that <c>app-manifest.yml</c> uses.</summary>
public sealed class AppManifest
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Name { get; set; } = "TagBot";

    public string? Url { get; set; }

    public string? Description { get; set; }

    public bool Public { get; set; }

    public Hook? HookAttributes { get; set; }

    public string? RedirectUrl { get; set; }

    /// <summary>Where GitHub sends a voter back after sign-in: the ballot page's OAuth callback.</summary>
    public List<string> CallbackUrls { get; set; } = [];

    /// <summary>False: installing the App asks nobody to sign in; voters sign in on the ballot page when they vote.</summary>
    public bool RequestOauthOnInstall { get; set; }

    public List<string> DefaultEvents { get; set; } = [];

    public Dictionary<string, string> DefaultPermissions { get; set; } = [];

    /// <summary>The manifest as GitHub's form expects it: JSON, with this deployment's name and URLs and the local page as the redirect.</summary>
    public static string Json(string yaml, AppSetup setup)
    {
        var manifest = new DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance)
            .Build().Deserialize<AppManifest>(yaml);
        var baseUrl = setup.Url.ToString().TrimEnd('/');
        manifest.Name = setup.Name;
        manifest.Url = baseUrl;
        manifest.HookAttributes = new Hook { Url = baseUrl + "/api/github/webhooks", Active = true };
        manifest.RedirectUrl = $"http://127.0.0.1:{setup.Port}/created";
        manifest.CallbackUrls = [baseUrl + Ballots.GitHubSignIn.CallbackPath];
        return JsonSerializer.Serialize(manifest, SnakeCase);
    }

    public sealed class Hook
    {
        public string? Url { get; set; }

        public bool Active { get; set; } = true;
    }
}
