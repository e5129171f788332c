using System.CommandLine;
using System.Net;
using System.Text.Json;
using Octokit;
using Octokit.Internal;
using YamlDotNet.Serialization;

namespace TagBot.Cli;

/// <summary>
/// <c>create-app --url PUBLIC_URL [--org ORG]</c>: GitHub's App manifest flow in one command. It serves
/// a local page whose form posts <c>app-manifest.yml</c> (with your URL filled in) to GitHub;
/// GitHub creates the App and sends the browser back with a one-hour code, which is exchanged for
/// the App ID, private key and webhook secret — written to files, ready for <c>serve</c>.
/// </summary>
public static class CreateAppCommand
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var url = new Option<Uri>("--url") { CustomParser = AbsoluteUri, Description = "Public base URL of your TagBot (GitHub posts webhooks to URL/api/github/webhooks)", Required = true };
        var org = new Option<string?>("--org") { Description = "Create the App in this organization (default: your user account)" };
        var port = new Option<int>("--port") { Description = "Local port for the setup page", DefaultValueFactory = _ => 3000 };
        var manifest = new Option<FileInfo>("--manifest") { Description = "The manifest to register", DefaultValueFactory = _ => new FileInfo("app-manifest.yml") };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write the key and settings", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var github = new Option<Uri>("--github") { CustomParser = AbsoluteUri, Description = "GitHub's web root (GitHub Enterprise Server: https://HOST/)", DefaultValueFactory = _ => new Uri("https://github.com/") };
        var api = new Option<Uri>("--api-url") { CustomParser = AbsoluteUri, Description = "GitHub's REST root", DefaultValueFactory = _ => new Uri("https://api.github.com/") };
        var command = new Command("create-app", "Register the GitHub App from app-manifest.yml through GitHub's manifest flow.")
        {
            url, org, port, manifest, output, github, api,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new AppSetup(parse.GetValue(url)!, parse.GetValue(org), parse.GetValue(port), parse.GetValue(manifest)!, parse.GetValue(output)!,
                parse.GetValue(github)!, parse.GetValue(api)!),
            Console.Out, cancellationToken));
        return command;
    }

    /// <summary>System.CommandLine has no URI converter: absolute http(s) URLs only, with a clear error otherwise.</summary>
    private static Uri? AbsoluteUri(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"'{text}' is not an absolute http(s) URL.");
        return null;
    }

    public static async Task<int> RunAsync(AppSetup setup, TextWriter output, CancellationToken cancellationToken)
    {
        if (!setup.Manifest.Exists)
        {
            await output.WriteLineAsync($"{setup.Manifest.FullName}: no such file (run from the repository root, or pass --manifest)");
            return 2;
        }

        var manifestJson = ManifestJson(await File.ReadAllTextAsync(setup.Manifest.FullName, cancellationToken), setup);
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{setup.Port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page(setup, manifestJson), "text/html"));
        app.MapGet("/created", async (string? code) =>
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return Results.BadRequest("GitHub sent no code.");
            }

            var created = await ExchangeAsync(setup, code);
            var files = await WriteAsync(setup, created, cancellationToken);
            await output.WriteLineAsync($"Created the GitHub App '{created.Name}' (ID {created.Id}): {created.HtmlUrl}");
            await output.WriteLineAsync($"Wrote {files}. Install the App on your governance repository, then start TagBot with those settings.");
            done.TrySetResult(0);
            return Results.Content($"<p>Created <b>{WebUtility.HtmlEncode(created.Name)}</b>. The key and settings are in {WebUtility.HtmlEncode(files)}. "
                + $"Next: <a href=\"{created.HtmlUrl}/installations/new\">install it</a> on your governance repository.</p>", "text/html");
        });
        await app.StartAsync(cancellationToken);
        await output.WriteLineAsync($"Open http://127.0.0.1:{setup.Port}/ in a browser on this machine to register the App with GitHub.");
        using var registration = cancellationToken.Register(() => done.TrySetResult(130));
        var exitCode = await done.Task;
        await app.StopAsync(CancellationToken.None);
        return exitCode;
    }

    /// <summary>The manifest as GitHub's form expects it: JSON, with the deployment's URLs and this page as the redirect.</summary>
    public static string ManifestJson(string yaml, AppSetup setup)
    {
        var manifest = new DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance)
            .Build().Deserialize<AppManifest>(yaml);
        var baseUrl = setup.Url.ToString().TrimEnd('/');
        manifest.Url = baseUrl;
        manifest.HookAttributes = new AppManifest.Hook { Url = baseUrl + "/api/github/webhooks", Active = true };
        manifest.RedirectUrl = $"http://127.0.0.1:{setup.Port}/created";
        return JsonSerializer.Serialize(manifest, SnakeCase);
    }

    private static string Page(AppSetup setup, string manifestJson)
    {
        var target = new Uri(setup.GitHub, setup.Organization is { Length: > 0 } org ? $"organizations/{Uri.EscapeDataString(org)}/settings/apps/new" : "settings/apps/new");
        return $"""
            <!doctype html><meta charset="utf-8"><title>Create the TagBot GitHub App</title>
            <h1>Create the TagBot GitHub App</h1>
            <p>This registers the App described by <code>{WebUtility.HtmlEncode(setup.Manifest.Name)}</code> on
            {WebUtility.HtmlEncode(target.ToString())}. Webhooks will go to <code>{WebUtility.HtmlEncode(setup.Url.ToString().TrimEnd('/'))}/api/github/webhooks</code>.</p>
            <form method="post" action="{WebUtility.HtmlEncode(target.ToString())}">
              <input type="hidden" name="manifest" value="{WebUtility.HtmlEncode(manifestJson)}">
              <button type="submit">Create the App on GitHub</button>
            </form>
            """;
    }

    private static Task<GitHubAppFromManifest> ExchangeAsync(AppSetup setup, string code)
    {
        // Anonymous: the one-hour code is the credential.
        var connection = new Connection(new ProductHeaderValue("TagBot", "1.0"), setup.ApiUrl, new InMemoryCredentialStore(Credentials.Anonymous),
            new HttpClientAdapter(() => new HttpClientHandler()), new SimpleJsonSerializer());
        return new GitHubClient(connection).GitHubApps.CreateAppFromManifest(code);
    }

    private static async Task<string> WriteAsync(AppSetup setup, GitHubAppFromManifest created, CancellationToken cancellationToken)
    {
        setup.Output.Create();
        var keyPath = Path.Combine(setup.Output.FullName, $"{created.Slug}.private-key.pem");
        var envPath = Path.Combine(setup.Output.FullName, "tagbot.env");
        await WritePrivateAsync(keyPath, created.Pem, cancellationToken);
        await WritePrivateAsync(envPath, $"""
            GitHub__AppId={created.Id}
            GitHub__PrivateKeyPath={keyPath}
            GitHub__WebhookSecret={created.WebhookSecret}

            """, cancellationToken);
        return $"{keyPath} and {envPath}";
    }

    /// <summary>Secrets are written readable by their owner only.</summary>
    private static async Task WritePrivateAsync(string path, string text, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, text, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

/// <summary>The fields of GitHub's App manifest that <c>app-manifest.yml</c> uses.</summary>
public sealed class AppManifest
{
    public string Name { get; set; } = "TagBot";

    public string? Url { get; set; }

    public string? Description { get; set; }

    public bool Public { get; set; }

    public Hook? HookAttributes { get; set; }

    public string? RedirectUrl { get; set; }

    public List<string> DefaultEvents { get; set; } = [];

    public Dictionary<string, string> DefaultPermissions { get; set; } = [];

    public sealed class Hook
    {
        public string? Url { get; set; }

        public bool Active { get; set; } = true;
    }
}

/// <summary>What <c>create-app</c> needs to know.</summary>
public sealed record AppSetup(Uri Url, string? Organization, int Port, FileInfo Manifest, DirectoryInfo Output, Uri GitHub, Uri ApiUrl);
