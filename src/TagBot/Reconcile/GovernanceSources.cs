using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.GitHub;
using TagBot.Inbox;

namespace TagBot.Reconcile;

/// <summary>
/// Reads the repository's policy and roster at every reconcile (ETag-cached, so unchanged files
/// cost a 304). A broken file does not stop TagBot: it keeps the last valid version, stored per
/// repository, and says what is wrong; with no valid version at all it refuses to act.
/// </summary>
public sealed class GovernanceSources(ILedger ledger)
{
    public const string PolicyPath = ".github/tagbot.yml";

    public async Task<Sources> LoadAsync(IssueGateway gateway, CancellationToken cancellationToken)
    {
        var scope = gateway.Repository.ToString().ToLowerInvariant();
        var warnings = new List<string>();

        var policyText = await gateway.ReadFileAsync(PolicyPath);
        var policy = await ValidOrLastAsync(
            scope, "policy", policyText, text =>
            {
                var result = PolicyLoader.Load(text, PolicyPath);
                return (result.Policy, result.Errors);
            },
            PolicyPath, warnings, cancellationToken);
        if (policy is null)
        {
            return new Sources(null, Roster.Empty, warnings);
        }

        var rosterPath = policy.Roster.Path;
        var rosterText = await gateway.ReadFileAsync(rosterPath);
        if (rosterText is null)
        {
            warnings.Add($"The roster `{rosterPath}` does not exist, so nobody holds a role: no position is binding "
                + "and nobody can triage or decide. Add the file (see the README) to enable them.");
            return new Sources(policy, Roster.Empty, warnings);
        }

        var roster = await ValidOrLastAsync(
            scope, "roster:" + rosterPath, rosterText,
            text =>
            {
                var result = RosterReader.Read(text ?? "", rosterPath, policy.Regions);
                return (result.Roster, result.Errors);
            },
            rosterPath, warnings, cancellationToken);
        return new Sources(policy, roster ?? Roster.Empty, warnings);
    }

    private async Task<T?> ValidOrLastAsync<T>(
        string scope, string name, string? text, Func<string?, (T? Value, IReadOnlyList<ConfigError> Errors)> load, string path,
        List<string> warnings, CancellationToken cancellationToken)
        where T : class
    {
        var (value, errors) = load(text);
        if (value is not null && errors.Count == 0)
        {
            if (text is not null && await ledger.GetDocumentAsync(scope, name, cancellationToken) != text)
            {
                await ledger.SetDocumentAsync(scope, name, text, cancellationToken);
            }

            return value;
        }

        var problems = string.Join("\n", errors.Select(e => $"- `{e}`"));
        var last = await ledger.GetDocumentAsync(scope, name, cancellationToken);
        var fallback = last is null ? null : load(last).Value;
        warnings.Add(fallback is null
            ? $"`{path}` is invalid and there is no earlier valid version, so TagBot does not act until it is fixed:\n{problems}"
            : $"`{path}` is invalid; TagBot keeps using the last valid version until it is fixed:\n{problems}");
        return fallback;
    }
}
