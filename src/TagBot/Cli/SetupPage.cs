using System.Net;
using TagBot.GitHub;

namespace TagBot.Cli;

/// <summary>The pages <c>create-app</c> serves on 127.0.0.1: the form that posts the manifest, and the answers to GitHub's redirect.</summary>
public static class SetupPage
{
    public static string Form(AppSetup setup, string manifestJson, string state)
    {
        var path = setup.Organization is { Length: > 0 } org ? $"organizations/{Uri.EscapeDataString(org)}/settings/apps/new" : "settings/apps/new";
        var target = new Uri(setup.GitHub, $"{path}?state={state}");
        return $"""
            <!doctype html><meta charset="utf-8"><title>Create the TagBot GitHub App</title>
            <h1>Create the GitHub App {WebUtility.HtmlEncode(setup.Name)}</h1>
            <p>This registers the App described by <code>{WebUtility.HtmlEncode(setup.Manifest.Name)}</code> on
            {WebUtility.HtmlEncode(new Uri(setup.GitHub, path).ToString())}. Webhooks will go to <code>{WebUtility.HtmlEncode(setup.Url.ToString().TrimEnd('/'))}/api/github/webhooks</code>.</p>
            <form method="post" action="{WebUtility.HtmlEncode(target.ToString())}">
              <input type="hidden" name="manifest" value="{WebUtility.HtmlEncode(manifestJson)}">
              <button type="submit">Create the App on GitHub</button>
            </form>
            """;
    }

    public static IResult Refused(AppSetup setup, string reason) => Results.Content($"""
        <!doctype html><meta charset="utf-8"><title>Not created</title>
        <h1>Not created</h1>
        <p>{WebUtility.HtmlEncode(reason)}</p>
        <p>create-app is still waiting: start again from <a href="http://127.0.0.1:{setup.Port}/">http://127.0.0.1:{setup.Port}/</a>.</p>
        """, "text/html", statusCode: StatusCodes.Status400BadRequest);

    public static IResult Created(CreatedApp created, string files) => Results.Content(
        $"<p>Created <b>{WebUtility.HtmlEncode(created.Name)}</b>. The key and settings are in {WebUtility.HtmlEncode(files)}. "
        + $"Next: <a href=\"{WebUtility.HtmlEncode(created.HtmlUrl)}/installations/new\">install it</a> on your governance repository.</p>", "text/html");
}
