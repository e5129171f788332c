using System.Text;
using System.Text.Json.Nodes;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Hostile;

/// <summary>One delivery of the barrage: what it is (for the failure message), its event header and body.</summary>
public sealed record HostileDelivery(string What, string Event, byte[] Body)
{
    public override string ToString()
    {
        var preview = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)).ReplaceLineEndings(" ");
        return $"{What} [{Event}, {Body.Length} bytes: {preview}]";
    }
}

/// <summary>
/// Hostile but validly signed deliveries, drawn from a seeded <see cref="Random"/> so a failure
/// reproduces from the seed in its message: random bytes, GitHub's example payloads truncated or
/// with values of the wrong type, deep nesting, unknown events and actions.
/// </summary>
public static class HostileDeliveries
{
    /// <summary>The events the App subscribes to or always gets, with an example payload each.</summary>
    public static readonly (string Event, string Payload)[] Examples =
    [
        ("issues", "issues.opened"), ("issues", "issues.labeled"), ("issues", "issues.unlabeled"), ("issues", "issues.edited"),
        ("issue_comment", "issue_comment.created"), ("issue_comment", "issue_comment.edited"), ("issue_comment", "issue_comment.deleted"),
        ("pull_request", "pull_request.closed"), ("installation", "installation.created"),
        ("installation_repositories", "installation_repositories.added"), ("ping", "ping"),
    ];

    private static readonly string[] OtherEvents =
    [
        "push", "star", "workflow_run", "label", "member", "security_advisory", "made_up_event", "ISSUES", "Issue_Comment", "issues ",
        "x", "pull_request_review", "github_app_authorization", "installation_target", "-", "0", "issues.opened",
    ];

    private static readonly Func<Random, JsonNode?>[] WrongValues =
    [
        _ => "seven", _ => new JsonArray(), _ => new JsonObject(), _ => null, _ => true, _ => -1, _ => 0, _ => 1e308,
        _ => JsonValue.Create(decimal.MaxValue), _ => 1.5, _ => "", _ => new string('x', 10_000), _ => "chair-c\u0430rla",
        _ => "\u0000 nul", _ => JsonNode.Parse(new string('[', 50) + new string(']', 50)), r => r.Next(int.MinValue, int.MaxValue),
        _ => long.MaxValue, _ => "../../etc/passwd", _ => "owner/repo/extra", _ => "a/b\n", _ => new JsonArray(1, "two", null),
    ];

    public static IEnumerable<HostileDelivery> Barrage(int seed, int count)
    {
        var random = new Random(seed);
        var kinds = new Func<Random, HostileDelivery>[] { RandomBytes, RandomJsonish, Truncated, WrongTypes, Deleted, UnknownAction, UnknownEvent, Mismatched };
        foreach (var fixedCase in Fixed())
        {
            yield return fixedCase;
        }

        for (var i = 0; i < count; i++)
        {
            yield return kinds[random.Next(kinds.Length)](random);
        }
    }

    /// <summary>Cases worth sending every time: deep nesting and the wrong types named in the issue.</summary>
    public static IEnumerable<HostileDelivery> Fixed()
    {
        const int Depth = 10_000;
        var deepArray = new string('[', Depth) + new string(']', Depth);
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1" + new string('}', Depth);
        foreach (var (eventName, _) in Examples)
        {
            yield return new("10,000 nested arrays", eventName, Encoding.UTF8.GetBytes(deepArray));
            yield return new("10,000 nested objects", eventName, Encoding.UTF8.GetBytes(deepObject));
            yield return new("100,000 open brackets", eventName, Encoding.UTF8.GetBytes(new string('[', 100_000)));
            yield return new("empty body", eventName, []);
            yield return new("null", eventName, "null"u8.ToArray());
            yield return new("a bare string", eventName, "\"issues\""u8.ToArray());
        }

        var login = Encoding.UTF8.GetBytes(Example("issues.opened").ToJsonString()
            .Replace("\"login\":\"", "\"login\":\"\\ud800\\u0000", StringComparison.Ordinal));
        yield return new("logins with a lone surrogate and NUL", "issues", login);

        var comment = Example("issue_comment.created");
        comment["issue"]!["body"] = "DEEP";
        var deepInside = comment.ToJsonString().Replace("\"DEEP\"", deepArray, StringComparison.Ordinal);
        yield return new("a comment whose issue body is 10,000 arrays deep", "issue_comment", Encoding.UTF8.GetBytes(deepInside));

        foreach (var (eventName, example, path, value) in new (string, string, string, JsonNode?)[]
        {
            ("issues", "issues.opened", "issue.number", "seven"),
            ("issues", "issues.opened", "installation", new JsonArray()),
            ("issues", "issues.opened", "installation.id", "777"),
            ("issues", "issues.opened", "installation.id", -777),
            ("issues", "issues.opened", "issue", null),
            ("issues", "issues.opened", "issue.number", 0),
            ("issues", "issues.opened", "issue.number", -3),
            ("issues", "issues.opened", "issue.number", 3_000_000_000L),
            ("issues", "issues.opened", "repository", "cncf/tag-security"),
            ("issues", "issues.opened", "repository.full_name", null),
            ("issues", "issues.opened", "repository.full_name", "no-slash"),
            ("issues", "issues.opened", "repository.full_name", "a/b/c"),
            ("issues", "issues.opened", "sender", new JsonArray()),
            ("issues", "issues.opened", "sender.login", "\u0000"),
            ("issues", "issues.opened", "action", 7),
            ("issues", "issues.opened", "action", "\u0000 dropped table"),
            ("issue_comment", "issue_comment.created", "comment", 42),
            ("issue_comment", "issue_comment.created", "comment", null),
            ("issue_comment", "issue_comment.created", "comment.body", new JsonObject()),
            ("issue_comment", "issue_comment.created", "issue.labels", "proposal"),
            ("pull_request", "pull_request.closed", "pull_request", null),
            ("pull_request", "pull_request.closed", "pull_request.head", null),
            ("pull_request", "pull_request.closed", "pull_request.head.ref", "tagbot/election-0"),
            ("pull_request", "pull_request.closed", "pull_request.head.ref", "tagbot/election-99999999999"),
            ("installation", "installation.created", "installation", null),
            ("installation", "installation.created", "repositories", new JsonArray(null, new JsonObject())),
            ("installation", "installation.created", "repositories", new JsonArray(new JsonObject { ["full_name"] = "x" })),
            ("installation_repositories", "installation_repositories.added", "repositories_added", null),
            ("installation_repositories", "installation_repositories.added", "repositories_added", new JsonArray(new JsonObject { ["id"] = 1 })),
        })
        {
            var payload = Example(example);
            Set(payload, path, value);
            yield return new($"{path} = {value?.ToJsonString() ?? "null"}", eventName, Encoding.UTF8.GetBytes(payload.ToJsonString()));
        }
    }

    /// <summary>A GitHub example addressed to the world's repository and installation, so routing reaches storage.</summary>
    public static JsonObject Example(string name)
    {
        var payload = Payloads.Load(name);
        if (payload["repository"] is JsonObject repository)
        {
            repository["full_name"] = GovernanceWorld.Repo;
        }

        if (payload["installation"] is JsonObject installation)
        {
            installation["id"] = GovernanceWorld.Installation;
        }
        else if (name != "ping")
        {
            payload["installation"] = new JsonObject { ["id"] = GovernanceWorld.Installation, ["node_id"] = "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
        }

        return payload;
    }

    private static HostileDelivery RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 2048)];
        random.NextBytes(bytes);
        return new("random bytes", PickEvent(random), bytes);
    }

    private static HostileDelivery RandomJsonish(Random random)
    {
        const string Alphabet = "{}[]\":,0123456789-.eE truefalsn\\u\n\"action\"\"issue\"\"number\"";
        var text = new StringBuilder();
        for (var i = random.Next(0, 600); i > 0; i--)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return new("JSON-ish characters", PickEvent(random), Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static HostileDelivery Truncated(Random random)
    {
        var (eventName, name) = Examples[random.Next(Examples.Length)];
        var bytes = Encoding.UTF8.GetBytes(Example(name).ToJsonString());
        var cut = random.Next(0, bytes.Length);
        return new($"{name} cut at byte {cut}", eventName, bytes[..cut]);
    }

    private static HostileDelivery WrongTypes(Random random)
    {
        var (eventName, name) = Examples[random.Next(Examples.Length)];
        var payload = Example(name);
        var changes = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var nodes = Nodes(payload).ToList();
            var (parent, key) = nodes[random.Next(nodes.Count)];
            var value = WrongValues[random.Next(WrongValues.Length)](random);
            Replace(parent, key, value);
            changes.Add($"{parent.GetPath()}.{key} = {Shorten(value)}");
        }

        return new($"{name} with {string.Join("; ", changes)}", eventName, Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private static HostileDelivery Deleted(Random random)
    {
        var (eventName, name) = Examples[random.Next(Examples.Length)];
        var payload = Example(name);
        var nodes = Nodes(payload).Where(n => n.Parent is JsonObject).ToList();
        var (parent, key) = nodes[random.Next(nodes.Count)];
        ((JsonObject)parent).Remove((string)key);
        return new($"{name} without {parent.GetPath()}.{key}", eventName, Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private static HostileDelivery UnknownAction(Random random)
    {
        var (eventName, name) = Examples[random.Next(Examples.Length)];
        var payload = Example(name);
        string[] actions = ["exploded", "", "OPENED", "opened ", "ünïcode", new string('a', 5000), "closed\u0000", "deleted", "created", "1"];
        var action = actions[random.Next(actions.Length)];
        payload["action"] = action;
        return new($"{name} with action '{Shorten(action)}'", eventName, Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private static HostileDelivery UnknownEvent(Random random)
    {
        var (_, name) = Examples[random.Next(Examples.Length)];
        var eventName = OtherEvents[random.Next(OtherEvents.Length)];
        return new($"{name} as event '{eventName}'", eventName, Encoding.UTF8.GetBytes(Example(name).ToJsonString()));
    }

    private static HostileDelivery Mismatched(Random random)
    {
        var (eventName, _) = Examples[random.Next(Examples.Length)];
        var (_, name) = Examples[random.Next(Examples.Length)];
        return new($"{name} sent as '{eventName}'", eventName, Encoding.UTF8.GetBytes(Example(name).ToJsonString()));
    }

    private static string PickEvent(Random random) =>
        random.Next(3) == 0 ? OtherEvents[random.Next(OtherEvents.Length)] : Examples[random.Next(Examples.Length)].Event;

    /// <summary>Every (container, key or index) below the root.</summary>
    private static IEnumerable<(JsonNode Parent, object Key)> Nodes(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    yield return (o, key);
                    if (child is not null)
                    {
                        foreach (var inner in Nodes(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, i);
                    if (a[i] is { } child)
                    {
                        foreach (var inner in Nodes(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject o)
        {
            o[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }

    private static void Set(JsonObject payload, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode target = payload;
        foreach (var part in parts[..^1])
        {
            target = target[part]!;
        }

        target[parts[^1]] = value;
    }

    private static string Shorten(JsonNode? value) => Shorten(value?.ToJsonString() ?? "null");

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
