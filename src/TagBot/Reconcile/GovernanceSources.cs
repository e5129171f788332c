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

    public async Task<Sources> LoadAsync(IssueGateway gateway, CancellationToken cancellationToken) =>
        await WithRosterAsync(gateway, await LoadPolicyAsync(gateway, cancellationToken), cancellationToken);

    /// <summary>The policy alone (roster left empty): enough to tell whether an issue concerns TagBot.</summary>
    public async Task<Sources> LoadPolicyAsync(IssueGateway gateway, CancellationToken cancellationToken)
    {
        var scope = Scope(gateway);
        var warnings = new List<string>();

        var policyText = await gateway.ReadFileAsync(PolicyPath);
        var policy = await ValidOrLastAsync(
            scope, "policy", policyText, text =>
            {
                var result = PolicyLoader.Load(text, PolicyPath);
                return (result.Policy, result.Errors);
            },
            PolicyPath, warnings, cancellationToken);
        return new Sources(policy, Roster.Empty, warnings);
    }

    /// <summary>Adds the roster (in the policy's format) to sources loaded by <see cref="LoadPolicyAsync"/>.</summary>
    public async Task<Sources> WithRosterAsync(IssueGateway gateway, Sources policyOnly, CancellationToken cancellationToken)
    {
        if (policyOnly.Policy is not { } policy)
        {
            return policyOnly;
        }

        var scope = Scope(gateway);
        var warnings = policyOnly.Warnings.ToList();
        var settings = policy.Roster;
        var rosterText = await gateway.ReadFileAsync(settings.Path);
        if (rosterText is null)
        {
            warnings.Add($"The roster `{settings.Path}` does not exist, so nobody holds a role: no position is binding "
                + "and nobody can triage or decide. Add the file (see docs/configuration.md) to enable them.");
            return new Sources(policy, Roster.Empty, warnings);
        }

        var membersText = settings.MembersPath is { } membersPath && settings.Format != RosterFormat.Tagbot
            ? await gateway.ReadFileAsync(membersPath)
            : null;
        var roster = await ValidOrLastAsync(
            scope, $"roster:{settings.Path}", rosterText + (membersText is null ? "" : "\n\u0000" + membersText),
            combined => ReadRoster(policy, combined ?? ""),
            settings.Path, warnings, cancellationToken);
        return new Sources(policy, roster ?? Roster.Empty, warnings, rosterText);
    }

    private static string Scope(IssueGateway gateway) => gateway.Repository.ToString().ToLowerInvariant();

    /// <summary>
    /// Reads the roster in the policy's format; with <c>members_path</c>, the members file adds
    /// people and the <c>member</c> role. Both files are remembered together as one document.
    /// </summary>
    internal static (Roster? Value, IReadOnlyList<ConfigError> Errors) ReadRoster(Policy policy, string combined)
    {
        var settings = policy.Roster;
        var split = combined.IndexOf("\n\u0000", StringComparison.Ordinal);
        var main = split < 0 ? combined : combined[..split];
        var members = split < 0 ? null : combined[(split + 2)..];
        var leadership = settings.Format switch
        {
            RosterFormat.CncfToc => CncfTocReader.Read(main, settings.Path, settings.Entry ?? ""),
            RosterFormat.MarkdownTable => MarkdownTableReader.Read(main, settings.Path, policy.Roles.Keys.Concat(policy.Chairs).Distinct()),
            _ => RosterReader.Read(main, settings.Path, policy.Regions),
        };
        if (members is null || !leadership.IsValid)
        {
            return (leadership.Roster, leadership.Errors);
        }

        var extra = RosterReader.Read(members, settings.MembersPath!, policy.Regions);
        return extra.IsValid
            ? (RosterMerge.Combine(leadership.Roster!, extra.Roster), [])
            : (null, extra.Errors);
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
