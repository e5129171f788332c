using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Octokit.Webhooks;

namespace TagBot.Webhooks;

/// <summary>
/// The actions the webhook library has a model for, per event: the actions TagBot handles. GitHub
/// adds actions over time; one the library does not know is news to TagBot, not bad input, and is
/// acknowledged and ignored until a release of the library (and of TagBot) knows it.
/// </summary>
public static class LibraryActions
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Known = Read();

    /// <summary>True when <paramref name="action"/> is one the library has no model for, for an event it models.</summary>
    public static bool IsUnknown(string eventName, string action) =>
        Known.TryGetValue(eventName, out var known) && !known.Contains(action);

    /// <summary>
    /// True when <paramref name="body"/> is a JSON object whose <c>action</c> the library has no model for.
    /// For a payload that did not read: a new action may come with a new shape, and is ignored, not refused.
    /// </summary>
    public static bool IsUnknown(string eventName, ReadOnlySpan<byte> body, out string action)
    {
        action = "";
        if (!Known.TryGetValue(eventName, out var known))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("action", out var value) || value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            action = value.GetString() ?? "";
            return !known.Contains(action);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Event name → actions: the public constants the library deserializes by (one model per action).</summary>
    private static FrozenDictionary<string, FrozenSet<string>> Read() =>
        new Dictionary<string, Type>(StringComparer.Ordinal)
        {
            ["issues"] = typeof(Octokit.Webhooks.Events.Issues.IssuesActionValue),
            ["issue_comment"] = typeof(Octokit.Webhooks.Events.IssueComment.IssueCommentActionValue),
            ["pull_request"] = typeof(Octokit.Webhooks.Events.PullRequest.PullRequestActionValue),
            ["installation"] = typeof(Octokit.Webhooks.Events.Installation.InstallationActionValue),
            ["installation_repositories"] = typeof(Octokit.Webhooks.Events.InstallationRepositories.InstallationRepositoriesActionValue),
        }.ToFrozenDictionary(
            e => e.Key,
            e => e.Value.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
}
