using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.GitHub;
using TagBot.Inbox;

namespace TagBot.Reconcile;

/// <summary>
/// Reads the repository's policy and roster at every reconcile (ETag-cached, so unchanged files
/// cost a 304) and interprets them with the core's readers. A broken file does not stop TagBot:
/// it keeps the last valid version, stored per repository and file, and says what is wrong; with
/// no valid version at all it refuses to act.
/// </summary>
public sealed class GovernanceSources(ILedger ledger)
{
    public const string PolicyPath = ".github/tagbot.yml";

    /// <summary>The policy, the roster (and members file) and the electorate file.</summary>
    /// <param name="commit">Null: the default branch, remembering each valid version. A commit SHA: the files
    /// as they were there (an election's frozen inputs), remembered nowhere, as they are not the current ones.</param>
    public async Task<Sources> LoadAsync(IssueGateway gateway, CancellationToken cancellationToken, string? commit = null) =>
        await WithElectorateAsync(gateway,
            await WithRosterAsync(gateway, await LoadPolicyAsync(gateway, cancellationToken, commit), cancellationToken, commit),
            cancellationToken, commit);

    /// <summary>The policy alone (roster left empty): enough to tell whether an issue concerns TagBot.</summary>
    public async Task<Sources> LoadPolicyAsync(IssueGateway gateway, CancellationToken cancellationToken, string? commit = null)
    {
        var warnings = new List<string>();
        var files = new List<Core.Elections.Record.FrozenFile>();
        var policyText = await ReadAsync(gateway, PolicyPath, commit, files);
        var policy = await ValidOrLastAsync(
            Scope(gateway, commit), [new Document("policy", policyText)], texts =>
            {
                var result = PolicyLoader.Load(texts[0], PolicyPath);
                return (result.Policy, result.Errors);
            },
            PolicyPath, warnings, cancellationToken);
        return new Sources(policy, Roster.Empty, warnings) { Files = files };
    }

    /// <summary>Adds the roster (and members file) read by the core's <see cref="RosterSource"/>.</summary>
    public async Task<Sources> WithRosterAsync(IssueGateway gateway, Sources policyOnly, CancellationToken cancellationToken, string? commit = null)
    {
        if (policyOnly.Policy is not { } policy)
        {
            return policyOnly;
        }

        var warnings = policyOnly.Warnings.ToList();
        var files = policyOnly.Files.ToList();
        var settings = policy.Roster;
        var rosterText = await ReadAsync(gateway, settings.Path, commit, files);
        if (rosterText is null)
        {
            warnings.Add($"The roster `{settings.Path}` does not exist, so nobody holds a role: no position is binding "
                + "and nobody can triage or decide. Add the file (see docs/configuration.md) to enable them.");
            return new Sources(policy, Roster.Empty, warnings) { Files = files };
        }

        var documents = new List<Document> { new($"roster:{settings.Path}", rosterText) };
        if (RosterSource.TakesMembers(settings))
        {
            var membersText = await ReadAsync(gateway, settings.MembersPath!, commit, files);
            if (membersText is null)
            {
                warnings.Add($"The members file `{settings.MembersPath}` (`roster.members_path`) does not exist, so nobody holds "
                    + $"the `{RosterMerge.MemberRole}` role. Add it, or remove `members_path` from the policy.");
            }

            documents.Add(new Document($"members:{settings.MembersPath}", membersText ?? ""));
        }

        IReadOnlyList<ConfigError> notes = [];
        var roster = await ValidOrLastAsync(
            Scope(gateway, commit), documents, texts =>
            {
                var result = RosterSource.Read(policy, texts[0] ?? "", texts.Count > 1 ? texts[1] : null);
                notes = result.Warnings;
                return (result.Roster, result.Errors);
            },
            settings.Path, warnings, cancellationToken);
        if (roster is not null && notes.Count > 0)
        {
            // Said, not hidden: the file has problems TagBot can work around (another group's entry).
            warnings.Add($"`{settings.Path}` has problems outside what TagBot reads and edits; they do not stop it:\n"
                + string.Join("\n", notes.Select(e => $"- `{e}`")));
        }
        return new Sources(policy, roster ?? Roster.Empty, warnings, rosterText) { Files = files };
    }

    /// <summary>
    /// Adds the electorate file when the policy names one (<c>elections.electorate</c>), read by the core's
    /// <see cref="ElectorateFileReader"/>. Only elections read it, so a proposal never waits on it or warns about it.
    /// Missing or invalid, it is a warning naming file, line and key, and the electorate is nobody. Unlike the policy
    /// and roster, no last valid version stands in: an election counts only once it has frozen its electorate at a
    /// commit where the file loads (<see cref="ElectionInputs"/>), so a remembered list would decide only an election
    /// that is not frozen, by voters no commit lists; and guessing voters from roles would let people vote whom the
    /// officers' list leaves out.
    /// </summary>
    public async Task<Sources> WithElectorateAsync(IssueGateway gateway, Sources loaded, CancellationToken cancellationToken, string? commit = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (loaded.Policy?.Elections.Electorate is not { } settings)
        {
            return loaded;
        }

        var warnings = loaded.Warnings.ToList();
        var files = loaded.Files.ToList();
        var text = await ReadAsync(gateway, settings.Path, commit, files);
        const string Consequence = "so nobody's position in an election is binding and no election can close until it is fixed";
        if (text is null)
        {
            warnings.Add($"The electorate file `{settings.Path}` (`elections.electorate.path`) does not exist"
                + (commit is null ? "" : " at the election's commit") + $", {Consequence}. Add the file, or remove "
                + "`elections.electorate` from the policy to count the roster's `voters` instead.");
            return loaded with { Warnings = warnings, Files = files };
        }

        var result = ElectorateFileReader.Read(text, settings.Path);
        if (!result.IsValid)
        {
            warnings.Add($"The electorate file `{settings.Path}` is invalid, {Consequence}:\n" + string.Join("\n", result.Errors.Select(e => $"- `{e}`")));
        }
        else if (result.Warnings.Count > 0)
        {
            warnings.Add($"`{settings.Path}` has problems that change nobody's vote:\n" + string.Join("\n", result.Warnings.Select(e => $"- `{e}`")));
        }

        return loaded with { Warnings = warnings, Files = files, Electorate = result.IsValid ? result.Electorate : null };
    }

    private static async Task<string?> ReadAsync(IssueGateway gateway, string path, string? commit, List<Core.Elections.Record.FrozenFile> files)
    {
        // The default branch's files are found through the directory listings: while nothing changed, all of them
        // cost one shared 304, and a missing one (most repositories run without a policy) no charged 404 (docs/performance.md).
        var version = commit is null
            ? await gateway.ReadListedFileAsync(path)
            : await gateway.ReadFileVersionAsync(path, commit);
        if (version is { } v)
        {
            files.Add(new Core.Elections.Record.FrozenFile(path, v.Sha));
        }

        return version?.Text;
    }

    /// <summary>Where valid versions are remembered: per repository for the default branch; nowhere for a commit.</summary>
    private static string? Scope(IssueGateway gateway, string? commit) =>
        commit is null ? gateway.Repository.ToString().ToLowerInvariant() : null;

    /// <summary>
    /// The value of <paramref name="documents"/> when they load; otherwise the value of the last
    /// versions that loaded together (each file stored on its own), or null when there are none.
    /// </summary>
    private async Task<T?> ValidOrLastAsync<T>(
        string? scope, IReadOnlyList<Document> documents, Func<IReadOnlyList<string?>, (T? Value, IReadOnlyList<ConfigError> Errors)> load,
        string path, List<string> warnings, CancellationToken cancellationToken)
        where T : class
    {
        var (value, errors) = load([.. documents.Select(d => d.Text)]);
        if (value is not null && errors.Count == 0)
        {
            // A commit's files are not the current ones: only the default branch's are remembered.
            if (scope is not null)
            {
                foreach (var document in documents.Where(d => d.Text is not null))
                {
                    if (await ledger.GetDocumentAsync(scope, document.Name, cancellationToken) != document.Text)
                    {
                        await ledger.SetDocumentAsync(scope, document.Name, document.Text!, cancellationToken);
                    }
                }
            }

            return value;
        }

        var problems = string.Join("\n", errors.Select(e => $"- `{e}`"));
        path = string.Join("`, `", errors.Select(e => e.File).Distinct().DefaultIfEmpty(path));
        if (scope is null)
        {
            warnings.Add($"`{path}` as frozen for this election does not load:\n{problems}");
            return null;
        }

        var last = new List<string?>();
        foreach (var document in documents)
        {
            last.Add(await ledger.GetDocumentAsync(scope, document.Name, cancellationToken));
        }

        var fallback = last[0] is null ? null : load(last).Value;
        warnings.Add(fallback is null
            ? $"`{path}` is invalid and there is no earlier valid version, so TagBot does not act until it is fixed:\n{problems}"
            : $"`{path}` is invalid; TagBot keeps using the last valid version until it is fixed:\n{problems}");
        return fallback;
    }

    /// <summary>One file as remembered in the store: its name there and its text now (null when missing).</summary>
    private sealed record Document(string Name, string? Text);
}
