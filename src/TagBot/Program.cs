using TagBot.Cli;
using TagBot.Hosting;

if (args is ["--healthcheck", ..])
{
    // The runtime image has no curl: the container's HEALTHCHECK asks the app itself.
    return await HealthCheck.RunAsync(args.Length > 1 ? args[1] : "http://127.0.0.1:8080/healthz");
}

return await TagBotCli.RunAsync(args);
