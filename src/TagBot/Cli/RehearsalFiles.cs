using TagBot.Core.Elections.Record;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Cli;

/// <summary>
/// The default branch of a rehearsal: the scenario's own files as commit <c>scenario-0</c>, then one
/// version per <c>commits:</c> item, each the files before it with the ones it gives replaced. Every
/// version is loaded with the bot's own readers up front, so a scenario whose later commit breaks the
/// roster is refused with located errors before anything runs, as the first one's would be.
/// </summary>
internal sealed class RehearsalFiles(IReadOnlyList<RehearsalVersion> versions)
{
    public IReadOnlyList<RehearsalVersion> Versions => versions;

    /// <summary>The files in force at <paramref name="at"/>: the latest commit at or before it.</summary>
    public RehearsalVersion At(DateTimeOffset at) => versions.Last(v => v.Source is null || v.Source.At <= at);

    public static (RehearsalFiles? Files, IReadOnlyList<ScenarioError> Errors) Load(Scenario scenario)
    {
        var errors = new List<ScenarioError>();
        var versions = new List<RehearsalVersion>();
        var policy = new InForce(scenario.Policy, 0);
        var roster = new InForce(scenario.Roster, 0);
        var members = new InForce(scenario.Members, 0);
        foreach (var source in scenario.Commits.Prepend(null))
        {
            if (source is not null)
            {
                policy = policy.After(source.Policy, source.Number);
                roster = roster.After(source.Roster, source.Number);
                members = members.After(source.Members, source.Number);
            }

            if (Version(source, policy, roster, members, errors) is { } version)
            {
                versions.Add(version);
            }
        }

        // A file that stays broken over several commits is reported once, where its text is.
        return errors.Count > 0 ? (null, [.. errors.Distinct()]) : (new RehearsalFiles(versions), []);
    }

    private static RehearsalVersion? Version(ScenarioCommit? source, InForce policyFile, InForce rosterFile, InForce membersFile, List<ScenarioError> errors)
    {
        var loaded = PolicyLoader.Load(policyFile.Text?.Text, PolicyLoader.DefaultFileName);
        if (!loaded.IsValid)
        {
            errors.AddRange(loaded.Errors.Select(policyFile.Text!.Locate));
            return null;
        }

        var policy = loaded.Policy!;
        var settings = policy.Roster;
        var takesMembers = RosterSource.TakesMembers(settings);
        if (membersFile.Text is { } given && !takesMembers)
        {
            errors.Add(new ScenarioError(given.Line, given.Column, given.Key,
                "only used with a policy whose roster.format is cncf-toc or markdown-table and that sets roster.members_path; "
                + "with the tagbot format, put everyone in the roster"));
            return null;
        }

        // The same reading as the bot's.
        var rosterText = rosterFile.Text!;
        var read = RosterSource.Read(policy, rosterText.Text, membersFile.Text?.Text);
        if (!read.IsValid)
        {
            errors.AddRange(read.Errors.Select(e => e.File == settings.MembersPath && membersFile.Text is { } m ? m.Locate(e) : rosterText.Locate(e)));
            return null;
        }

        // Stand-in blob SHAs: the commit that last changed the file, so the status comment of a frozen
        // election can tell which files changed since its freeze, as it does on GitHub.
        var files = new List<FrozenFile>();
        if (policyFile.Text is not null)
        {
            files.Add(new FrozenFile(PolicyLoader.DefaultFileName, ScenarioCommit.IdOf(policyFile.Commit)));
        }

        files.Add(new FrozenFile(settings.Path, ScenarioCommit.IdOf(rosterFile.Commit)));
        if (takesMembers && membersFile.Text is not null)
        {
            files.Add(new FrozenFile(settings.MembersPath!, ScenarioCommit.IdOf(membersFile.Commit)));
        }

        return new RehearsalVersion(source, policy, read.Roster!, rosterText.Text, files);
    }

    /// <summary>One file's text in force and the number of the commit that last changed it.</summary>
    private sealed record InForce(ScenarioText? Text, int Commit)
    {
        /// <summary>
        /// After a commit that gives <paramref name="text"/> (or leaves the file alone, null). The same
        /// text again is no change: the file keeps its commit, as git keeps a blob's SHA.
        /// </summary>
        public InForce After(ScenarioText? text, int commit) => text is null
            ? this
            : new InForce(text, Text?.Text == text.Text ? Commit : commit);
    }
}

/// <summary>
/// The files at one commit of the rehearsal's default branch, loaded.
/// </summary>
/// <param name="Source">The scenario commit; null for the scenario's own files (<c>scenario-0</c>).</param>
/// <param name="RosterText">The roster file's text: what a roster pull request opened while this is in force edits.</param>
/// <param name="Files">Policy, roster and members file with stand-in SHAs (the commit that last changed each).</param>
internal sealed record RehearsalVersion(ScenarioCommit? Source, Policy Policy, Roster Roster, string RosterText, IReadOnlyList<FrozenFile> Files)
{
    public string Commit => ScenarioCommit.IdOf(Source?.Number ?? 0);

    /// <summary>The paths this commit changed (none when it wrote files back unchanged).</summary>
    public IReadOnlyList<string> Changed => [.. Files.Where(f => f.Sha == Commit).Select(f => f.Path)];
}
