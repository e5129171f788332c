using System.CommandLine;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Cli;

/// <summary>
/// <c>validate [--config F] [--roster F] [--members F] [--electorate F]</c>: checks a policy, its roster and its
/// electorate file the way the bot reads them (the roster in the format the policy names, with its entry and
/// members file; the voters file of <c>elections.electorate</c>), printing every error as
/// <c>file:line:column: key: message</c>; exit code 1 when any is found.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "Policy file (default: .github/tagbot.yml when it exists)" };
        var roster = new Option<FileInfo?>("--roster") { Description = "Roster file, read in the policy's roster.format (default: the policy's roster.path when it exists)" };
        var members = new Option<FileInfo?>("--members") { Description = "Members file (default: the policy's roster.members_path when it exists; cncf-toc and markdown-table only)" };
        var electorate = new Option<FileInfo?>("--electorate") { Description = "Electorate (voters) file (default: the policy's elections.electorate.path when it exists)" };
        var command = new Command("validate", "Check a policy, a roster and an electorate file as the bot reads them; every error names file, line and key.")
        {
            config, roster, members, electorate,
        };
        command.SetAction(parse => Run(parse.GetValue(config), parse.GetValue(roster), Console.Out, parse.GetValue(members), parse.GetValue(electorate)));
        return command;
    }

    public static int Run(FileInfo? configFile, FileInfo? rosterFile, TextWriter output, FileInfo? membersFile = null, FileInfo? electorateFile = null)
    {
        configFile ??= File.Exists(PolicyLoader.DefaultFileName) ? new FileInfo(PolicyLoader.DefaultFileName) : null;
        var errors = new List<ConfigError>();
        var policy = Policy.Default;
        if (configFile is not null)
        {
            if (!configFile.Exists)
            {
                output.WriteLine($"{configFile.FullName}: no such file");
                return 2;
            }

            var loaded = PolicyLoader.Load(AsGitHubServesIt(configFile), configFile.ToString());
            errors.AddRange(loaded.Errors);
            output.WriteLine(loaded.IsValid ? $"{configFile}: valid policy" : $"{configFile}: {loaded.Errors.Count} error(s)");
            if (!loaded.IsValid)
            {
                // Reading the roster in the default format would report errors the file does not have.
                var roster = rosterFile?.ToString() ?? "the roster";
                output.WriteLine($"{roster}: not checked: its format comes from the policy, which has errors; fix them first");
                return Report(errors, output);
            }

            policy = loaded.Policy!;
            TeamsNote(policy, output);
        }

        rosterFile ??= File.Exists(policy.Roster.Path) ? new FileInfo(policy.Roster.Path) : null;
        if (rosterFile is not null)
        {
            if (!rosterFile.Exists)
            {
                output.WriteLine($"{rosterFile.FullName}: no such file");
                return 2;
            }

            var settings = policy.Roster;
            membersFile ??= RosterSource.TakesMembers(settings) && File.Exists(settings.MembersPath) ? new FileInfo(settings.MembersPath!) : null;
            if (membersFile is { Exists: false })
            {
                output.WriteLine($"{membersFile.FullName}: no such file");
                return 2;
            }

            if (membersFile is not null && !RosterSource.TakesMembers(settings))
            {
                output.WriteLine($"{membersFile}: ignored: a roster in the tagbot format lists its members itself");
                membersFile = null;
            }

            // Errors name the files as typed, not as the policy's paths.
            var named = policy with { Roster = settings with { Path = rosterFile.ToString(), MembersPath = membersFile?.ToString() ?? settings.MembersPath } };
            var loaded = RosterSource.Read(named, AsGitHubServesIt(rosterFile), membersFile is null ? null : AsGitHubServesIt(membersFile));
            errors.AddRange(loaded.Errors);
            foreach (var warning in loaded.Warnings)
            {
                output.WriteLine($"warning: {warning}");
            }

            output.WriteLine(loaded.IsValid
                ? $"{rosterFile}: valid {FormatName(settings)} roster, {loaded.Roster!.People.Count} people, roles "
                    + string.Join(", ", loaded.Roster.Roles.Select(r => $"{r.Key} ({r.Value.Count})"))
                : $"{rosterFile}: {loaded.Errors.Count} error(s)");
        }

        var electorate = policy.Elections.Electorate;
        electorateFile ??= electorate is not null && File.Exists(electorate.Path) ? new FileInfo(electorate.Path) : null;
        if (electorateFile is not null)
        {
            if (!electorateFile.Exists)
            {
                output.WriteLine($"{electorateFile.FullName}: no such file");
                return 2;
            }

            var voters = ElectorateFileReader.Read(AsGitHubServesIt(electorateFile), electorateFile.ToString());
            errors.AddRange(voters.Errors);
            foreach (var warning in voters.Warnings)
            {
                output.WriteLine($"warning: {warning}");
            }

            var unnamed = electorate is null ? " (the policy names no elections.electorate, so the bot will not read it)" : "";
            output.WriteLine(voters.IsValid
                ? $"{electorateFile}: valid elekto electorate, {voters.Electorate!.Voters.Count} voters"
                    + (electorate is null ? unnamed : ": the binding voters of the elections that freeze this version (proposals keep `voters`)")
                : $"{electorateFile}: {voters.Errors.Count} error(s)"
                    + (electorate is null ? unnamed : ": as it is, no election position would be binding and no election could close"));
        }
        else if (electorate is not null)
        {
            output.WriteLine($"{electorate.Path}: not checked: no such file here (elections.electorate.path); give --electorate");
        }

        if (configFile is null && rosterFile is null && electorateFile is null)
        {
            output.WriteLine("Nothing to check: give --config and/or --roster, or run where .github/tagbot.yml exists.");
            return 2;
        }

        return Report(errors, output);
    }

    /// <summary>
    /// The GitHub teams the policy names: their <c>team:ORG/SLUG</c> shape is checked with the policy, but their members
    /// are not (validate is offline): the bot reads them from GitHub at each pass, and an election freezes them when it opens.
    /// </summary>
    private static void TeamsNote(Policy policy, TextWriter output)
    {
        foreach (var team in Core.Teams.PolicyTeams.Of(policy))
        {
            output.WriteLine($"{team.Entry} (in {Core.Teams.PolicyTeams.KeysNaming(policy, team).Replace("`", "", StringComparison.Ordinal)}): "
                + $"a GitHub team; its members are not checked here (validate is offline): the bot reads them from GitHub at run time "
                + $"(GET /orgs/{team.Org}/teams/{team.Slug}/members, with the App's \"Members: read\" permission), and an election freezes them when it opens");
        }
    }

    /// <summary>
    /// The file's text as the bot receives it from GitHub: UTF-8, a byte-order mark kept as a character
    /// (<c>File.ReadAllText</c> would drop it, and validate would pass a file the bot reads differently).
    /// </summary>
    private static string AsGitHubServesIt(FileInfo file) => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file.FullName));

    private static int Report(List<ConfigError> errors, TextWriter output)
    {
        foreach (var error in errors)
        {
            output.WriteLine(error);
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static string FormatName(RosterSettings settings) => RosterFormats.Describe(settings);
}
