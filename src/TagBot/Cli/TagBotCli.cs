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
        root.SetAction(async (parse, _) => await ServeAsync(parse.UnmatchedTokens));

        var serve = new Command("serve", "Serve GitHub webhooks (the default). Settings come from the environment; see the README.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction(async (parse, _) => await ServeAsync(parse.UnmatchedTokens));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(CreateAppCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root.Parse(args).InvokeAsync();
    }

    private static async Task<int> ServeAsync(IReadOnlyList<string> hostArguments)
    {
        await TagBotApp.Build([.. hostArguments]).RunAsync();
        return 0;
    }
}
