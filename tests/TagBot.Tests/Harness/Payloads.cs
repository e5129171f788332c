using System.Text.Json.Nodes;

namespace TagBot.Tests.Harness;

/// <summary>
/// GitHub's own example deliveries (see Payloads/README.md) with only the fields a scenario needs
/// rewritten: repository, installation, issue, comment and sender keep GitHub's full shape.
/// </summary>
public static class Payloads
{
    public static JsonObject Load(string name)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Payloads", name + ".json");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    public static string Issues(string action, string repository, long installation, int number, string author, IEnumerable<string> labels, string? sender = null)
    {
        var payload = Load("issues." + (action is "opened" or "labeled" or "unlabeled" or "edited" ? action : "edited"));
        payload["action"] = action;
        Target(payload, repository, installation, sender ?? author);
        SetIssue(payload["issue"]!.AsObject(), repository, number, author, labels);
        return payload.ToJsonString();
    }

    public static string IssueComment(
        string action, string repository, long installation, int number, IEnumerable<string> labels, long commentId, string commenter, string body)
    {
        var payload = Load("issue_comment." + action);
        Target(payload, repository, installation, commenter);
        SetIssue(payload["issue"]!.AsObject(), repository, number, "someone", labels);
        var comment = payload["comment"]!.AsObject();
        comment["id"] = commentId;
        comment["body"] = body;
        comment["html_url"] = $"https://github.com/{repository}/issues/{number}#issuecomment-{commentId}";
        SetUser(comment["user"]!.AsObject(), commenter);
        return payload.ToJsonString();
    }

    /// <summary>
    /// A roster pull request closed, merged or not. The package's example is an unmerged close;
    /// a merge is the same event with <c>merged: true</c>, as GitHub sends it.
    /// </summary>
    public static string PullRequestClosed(string repository, long installation, int number, string branch, bool merged, string sender)
    {
        var payload = Load("pull_request.closed");
        Target(payload, repository, installation, sender);
        payload["number"] = number;
        var pull = payload["pull_request"]!.AsObject();
        pull["number"] = number;
        pull["merged"] = merged;
        pull["state"] = "closed";
        pull["head"]!["ref"] = branch;
        return payload.ToJsonString();
    }

    /// <summary>An App's ping: the package has only repository and organization hooks, so the hook is reshaped as GitHub sends it for an App.</summary>
    public static string AppPing(long appId)
    {
        var payload = Load("ping");
        var hook = payload["hook"]!.AsObject();
        hook["type"] = "App";
        hook["app_id"] = appId;
        hook.Remove("url");
        hook.Remove("test_url");
        hook.Remove("ping_url");
        hook.Remove("deliveries_url");
        payload.Remove("repository");
        payload.Remove("sender");
        return payload.ToJsonString();
    }

    private static void Target(JsonObject payload, string repository, long installation, string sender)
    {
        var parts = repository.Split('/');
        var repo = payload["repository"]!.AsObject();
        repo["full_name"] = repository;
        repo["name"] = parts[1];
        repo["owner"]!["login"] = parts[0];
        payload["installation"] = new JsonObject { ["id"] = installation, ["node_id"] = "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
        SetUser(payload["sender"]!.AsObject(), sender);
    }

    private static void SetIssue(JsonObject issue, string repository, int number, string author, IEnumerable<string> labels)
    {
        issue["number"] = number;
        issue["html_url"] = $"https://github.com/{repository}/issues/{number}";
        SetUser(issue["user"]!.AsObject(), author);
        var template = issue["labels"]?.AsArray().FirstOrDefault()?.DeepClone().AsObject()
            ?? new JsonObject { ["id"] = 1, ["node_id"] = "L", ["url"] = "https://api.github.com/labels/x", ["color"] = "ededed", ["default"] = false, ["description"] = "" };
        var array = new JsonArray();
        foreach (var label in labels)
        {
            var copy = template.DeepClone().AsObject();
            copy["name"] = label;
            array.Add(copy);
        }

        issue["labels"] = array;
    }

    private static void SetUser(JsonObject user, string login)
    {
        user["login"] = login;
        user["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User";
    }
}
