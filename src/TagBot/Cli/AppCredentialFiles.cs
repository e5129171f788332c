using TagBot.GitHub;

namespace TagBot.Cli;

/// <summary>
/// Where <c>create-app</c> leaves the new App's secrets: <c>tagbot.private-key.pem</c> and
/// <c>tagbot.env</c>, readable by their owner only. GitHub shows a private key once, so an
/// existing file is never overwritten: it may be the only copy of another App's key.
/// </summary>
public sealed class AppCredentialFiles(DirectoryInfo folder)
{
    public const string KeyFileName = "tagbot.private-key.pem";

    public const string SettingsFileName = "tagbot.env";

    public string KeyPath => Path.Combine(folder.FullName, KeyFileName);

    public string SettingsPath => Path.Combine(folder.FullName, SettingsFileName);

    /// <summary>The files that are already there, which this run would otherwise overwrite.</summary>
    public IReadOnlyList<string> Existing() => [.. new[] { KeyPath, SettingsPath }.Where(File.Exists)];

    public async Task WriteAsync(CreatedApp app, CancellationToken cancellationToken)
    {
        folder.Create();
        await WritePrivateAsync(KeyPath, app.Pem, cancellationToken);
        await WritePrivateAsync(SettingsPath, $"""
            GitHub__AppId={app.Id}
            GitHub__PrivateKeyPath={KeyPath}
            GitHub__WebhookSecret={app.WebhookSecret}
            GitHub__ClientId={app.ClientId}
            GitHub__ClientSecret={app.ClientSecret}

            """, cancellationToken);
    }

    /// <summary>Created new (never over an existing file) and owner-only from the first byte.</summary>
    private static async Task WritePrivateAsync(string path, string text, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await using var writer = new StreamWriter(file);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }
}
