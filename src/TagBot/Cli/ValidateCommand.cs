using System.CommandLine;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Cli;

/// <summary>
/// <c>validate [--config F] [--roster F]</c>: checks a policy and a roster the way the bot will,
/// printing every error as <c>file:line:column: key: message</c>; exit code 1 when any is found.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "Policy file (default: .github/tagbot.yml when it exists)" };
        var roster = new Option<FileInfo?>("--roster") { Description = "Roster file in the tagbot format (default: the policy's roster.path when it exists)" };
        var command = new Command("validate", "Check a policy and a roster file; every error names file, line and key.") { config, roster };
        command.SetAction(parse => Run(parse.GetValue(config), parse.GetValue(roster), Console.Out));
        return command;
    }

    public static int Run(FileInfo? configFile, FileInfo? rosterFile, TextWriter output)
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

            var loaded = PolicyLoader.Load(File.ReadAllText(configFile.FullName), configFile.ToString());
            errors.AddRange(loaded.Errors);
            policy = loaded.Policy ?? policy;
            output.WriteLine(loaded.IsValid ? $"{configFile}: valid policy" : $"{configFile}: {loaded.Errors.Count} error(s)");
        }

        rosterFile ??= File.Exists(policy.Roster.Path) ? new FileInfo(policy.Roster.Path) : null;
        if (rosterFile is not null)
        {
            if (!rosterFile.Exists)
            {
                output.WriteLine($"{rosterFile.FullName}: no such file");
                return 2;
            }

            var loaded = RosterReader.Read(File.ReadAllText(rosterFile.FullName), rosterFile.ToString(), policy.Regions);
            errors.AddRange(loaded.Errors);
            output.WriteLine(loaded.IsValid
                ? $"{rosterFile}: valid roster, {loaded.Roster!.People.Count} people, roles {string.Join(", ", loaded.Roster.Roles.Select(r => $"{r.Key} ({r.Value.Count})"))}"
                : $"{rosterFile}: {loaded.Errors.Count} error(s)");
        }

        if (configFile is null && rosterFile is null)
        {
            output.WriteLine("Nothing to check: give --config and/or --roster, or run where .github/tagbot.yml exists.");
            return 2;
        }

        foreach (var error in errors)
        {
            output.WriteLine(error);
        }

        return errors.Count == 0 ? 0 : 1;
    }
}
