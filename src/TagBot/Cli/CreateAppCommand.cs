using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using TagBot.GitHub;

namespace TagBot.Cli;

/// <summary>
/// <c>create-app --url PUBLIC_URL --name NAME [--org ORG]</c>: GitHub's App manifest flow in one
/// command. It serves a local page whose form posts <c>app-manifest.yml</c> (with your name and URL
/// filled in) to GitHub; GitHub creates the App and sends the browser back with a one-hour code,
/// which is exchanged for the App ID, private key and webhook secret — written to files, ready for <c>serve</c>.
/// </summary>
public static class CreateAppCommand
{
    public static Command Create()
    {
        var url = new Option<Uri>("--url") { CustomParser = AbsoluteUri, Description = "Public base URL of your TagBot (GitHub posts webhooks to URL/api/github/webhooks)", Required = true };
        var name = new Option<string>("--name") { Description = "The App's name, unique on GitHub ('TagBot' itself is taken), e.g. 'TagBot for my-org'", Required = true };
        var org = new Option<string?>("--org") { Description = "Create the App in this organization (default: your user account)" };
        var port = new Option<int>("--port") { Description = "Local port for the setup page", DefaultValueFactory = _ => 3000 };
        var manifest = new Option<FileInfo>("--manifest") { Description = "The manifest to register", DefaultValueFactory = _ => new FileInfo("app-manifest.yml") };
        var output = new Option<DirectoryInfo>("--out") { Description = $"Where to write {AppCredentialFiles.KeyFileName} and {AppCredentialFiles.SettingsFileName}", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var github = new Option<Uri>("--github") { CustomParser = AbsoluteUri, Description = "GitHub's web root (GitHub Enterprise Server: https://HOST/)", DefaultValueFactory = _ => new Uri("https://github.com/") };
        var api = new Option<Uri>("--api-url") { CustomParser = AbsoluteUri, Description = "GitHub's REST root", DefaultValueFactory = _ => new Uri("https://api.github.com/") };
        var command = new Command("create-app", "Register the GitHub App from app-manifest.yml through GitHub's manifest flow.")
        {
            url, name, org, port, manifest, output, github, api,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new AppSetup(parse.GetValue(url)!, parse.GetValue(name)!.Trim(), parse.GetValue(org), parse.GetValue(port), parse.GetValue(manifest)!,
                parse.GetValue(output)!, parse.GetValue(github)!, parse.GetValue(api)!),
            Console.Out, Console.Error, cancellationToken));
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

    public static async Task<int> RunAsync(AppSetup setup, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!setup.Manifest.Exists)
        {
            await error.WriteLineAsync($"{setup.Manifest.FullName}: no such file (run from the repository root, or pass --manifest)");
            return 2;
        }

        if (setup.Name.Length == 0)
        {
            await error.WriteLineAsync("--name must not be empty: GitHub needs a name no other App has.");
            return 2;
        }

        // Checked before the App exists: GitHub shows its key once, and there must be somewhere to put it.
        var files = new AppCredentialFiles(setup.Output);
        if (files.Existing() is [var existing, ..])
        {
            await error.WriteLineAsync($"{existing} already exists; create-app never overwrites a key or settings file. "
                + "Move it away or pass --out to write elsewhere.");
            return 2;
        }

        var manifestJson = AppManifest.Json(await File.ReadAllTextAsync(setup.Manifest.FullName, cancellationToken), setup);
        // Sent to GitHub with the form and expected back on the redirect: a callback this run did not start is refused.
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{setup.Port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Content(SetupPage.Form(setup, manifestJson, state), "text/html"));
        app.MapGet("/created", async (string? code, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "state")] string? returned) =>
        {
            if (!Matches(returned, expected: state))
            {
                await error.WriteLineAsync("Refused a callback without this run's state; still waiting for GitHub's.");
                return SetupPage.Refused(setup, "This answer does not carry the state this create-app run sent to GitHub, so it was not started here. "
                    + "Nothing was exchanged.");
            }

            if (string.IsNullOrWhiteSpace(code))
            {
                return SetupPage.Refused(setup, "GitHub sent no code.");
            }

            CreatedApp created;
            try
            {
                created = await ManifestConversion.ConvertAsync(setup.ApiUrl, code);
            }
            catch (ManifestConversionException e)
            {
                await error.WriteLineAsync(e.Message);
                return SetupPage.Refused(setup, e.Message + ". A code works once and for an hour: create the App again, or generate a key on its settings page.");
            }

            await files.WriteAsync(created, cancellationToken);
            await output.WriteLineAsync($"Created the GitHub App '{created.Name}' (ID {created.Id}): {created.HtmlUrl}");
            await output.WriteLineAsync($"Wrote {files.KeyPath} and {files.SettingsPath}. Install the App on your governance repository, then start TagBot with those settings.");
            done.TrySetResult(0);
            return SetupPage.Created(created, $"{files.KeyPath} and {files.SettingsPath}");
        });
        await app.StartAsync(cancellationToken);
        await output.WriteLineAsync($"Open http://127.0.0.1:{setup.Port}/ in a browser on this machine to register the App with GitHub.");
        using var registration = cancellationToken.Register(() => done.TrySetResult(130));
        var exitCode = await done.Task;
        await app.StopAsync(CancellationToken.None);
        return exitCode;
    }

    private static bool Matches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(expected));
}
