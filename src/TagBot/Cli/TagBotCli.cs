using System.CommandLine;
using TagBot.Hosting;

namespace TagBot.Cli;

/// <summary>
/// One program, several verbs: <c>serve</c> (the default: the webhook service), <c>validate</c>,
/// <c>simulate</c> and <c>audit</c>. Arguments the verbs do not know (such as <c>--urls</c>) go to the host.
/// </summary>
public static class TagBotCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("TagBot: community governance on GitHub issues — proposals, elections and roster pull requests.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction(async (parse, cancellationToken) =>
            UnknownCommand.Of(parse.UnmatchedTokens) is { } typed
                ? UnknownCommand.Report(root, typed, parse.InvocationConfiguration.Error)
                : await ServeAsync(parse.UnmatchedTokens, cancellationToken));

        var serve = new Command("serve", "Serve GitHub webhooks (the default). Settings come from the environment; see the README.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction(async (parse, cancellationToken) => await ServeAsync(parse.UnmatchedTokens, cancellationToken));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(CreateAppCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>
    /// Runs the service. Whatever stops it from starting (a setting, the key, the store, the port)
    /// is one line on stderr and exit code 1: an operator reads a sentence, not a stack trace.
    /// </summary>
    private static async Task<int> ServeAsync(IReadOnlyList<string> hostArguments, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = TagBotApp.Build([.. hostArguments]);
            await StartupChecks.RunAsync(app.Services, cancellationToken);
        }
        catch (Exception e) when (e is StartupException or InvalidOperationException or FormatException)
        {
            await Console.Error.WriteLineAsync("TagBot cannot start: " + e.Message.ReplaceLineEndings(" "));
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                // Kestrel could not bind (the port is taken, the address is not this machine's).
                await Console.Error.WriteLineAsync("TagBot cannot start: " + e.Message.ReplaceLineEndings(" "));
                return 1;
            }

            await app.WaitForShutdownAsync(CancellationToken.None);
        }

        return 0;
    }
}
