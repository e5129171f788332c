using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.Inbox;

namespace TagBot.Hosting;

/// <summary>
/// What <c>serve</c> checks before it listens: every setting binds and validates, the private key
/// signs and the store answers. A service that cannot work must not look ready.
/// </summary>
public static partial class StartupChecks
{
    /// <summary>How long the store may take to answer at start (a PostgreSQL still booting beside us).</summary>
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(30);

    /// <exception cref="StartupException">A setting or the store is unusable; the message says which, in one line.</exception>
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<GitHubOptions>>().Value;
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TagBotOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            throw new StartupException(string.Join(" ", e.Failures));
        }
        catch (InvalidOperationException e)
        {
            // The binder's own words: "Failed to convert configuration value 'x' at 'TagBot:SweepInterval' to type 'System.TimeSpan'."
            throw new StartupException(SettingPath().Replace(e.Message, m => m.Value.Replace(":", "__", StringComparison.Ordinal)));
        }

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await services.GetRequiredService<IInbox>().InitializeAsync(timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? $"no answer within {StorageTimeout.TotalSeconds:0} seconds" : e.Message;
            throw new StartupException($"the {storage.Provider} store (Storage__ConnectionString) is unreachable: {reason}");
        }
    }

    /// <summary>A configuration path as the binder quotes it, written as the environment variable operators set.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<= at ')[A-Za-z0-9_:]+(?=')")]
    private static partial System.Text.RegularExpressions.Regex SettingPath();
}
