using System.CommandLine;

namespace TagBot.Cli;

/// <summary>
/// <c>simulate FILE</c>: rehearsal without GitHub. Replays a scripted issue (policy, roster, issue,
/// comments with authors and times) through the same decider the bot runs, and prints what TagBot
/// would do: a timeline of its passes, the labels, the status comment, its replies, the result
/// comments and the roster pull request with its diff. Exit code 1 when the scenario is invalid.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Scenario file (YAML): policy, roster, issue, comments and commits; see examples/" };
        var command = new Command("simulate", "Rehearse an issue without GitHub: replay a scripted issue through TagBot and print what it would do.") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo file, TextWriter output, TextWriter error)
    {
        // Messages name the file as it was typed.
        var name = file.ToString();
        file = Locate(file);
        if (!file.Exists)
        {
            error.WriteLine($"{name}: no such file");
            return 2;
        }

        var (scenario, errors) = ScenarioReader.Read(File.ReadAllText(file.FullName));
        if (scenario is null)
        {
            return Fail(name, errors, error);
        }

        // Every version of the files, the scenario's own and each commit's, read as the bot reads them.
        var (files, invalid) = RehearsalFiles.Load(scenario);
        if (files is null)
        {
            return Fail(name, invalid, error);
        }

        if (files.Versions.Select(v => v.Policy.Elections.Electorate).FirstOrDefault(e => e is not null) is { } electorate)
        {
            // A scenario carries no electorate file: rehearsed without one, every election position would show as
            // non-binding and no close would pass, which says nothing about the real election.
            error.WriteLine($"{name}: the policy sets elections.electorate ({electorate.Path}), and simulate does not read electorate files yet; "
                + "remove elections.electorate from the scenario's policy to rehearse with `voters` (check the file with `tagbot validate --electorate`)");
            return 1;
        }

        if (files.Versions.Any(v => v.Policy.Elections.Secret))
        {
            // Secret ballots are cast on the ballot page, not in comments: a scenario of comments cannot rehearse the vote.
            error.WriteLine($"{name}: the policy sets elections.ballot: secret, and simulate rehearses comment votes only; "
                + "set elections.ballot: comments in the scenario's policy to rehearse nominations and endorsements");
            return 1;
        }

        var result = Rehearsal.Run(scenario, files);
        RehearsalReport.Print(name, scenario, result, output);
        return 0;
    }

    /// <summary>
    /// <c>dotnet run --project src/TagBot</c> runs in the project's directory (the Web SDK sets
    /// <c>RunWorkingDirectory</c>), not the shell's: a relative path not found there is looked up in
    /// the shell's directory (<c>$PWD</c>, where the shell sets it), then in the parent directories.
    /// </summary>
    private static FileInfo Locate(FileInfo file)
    {
        var typed = file.ToString();
        if (file.Exists || Path.IsPathRooted(typed))
        {
            return file;
        }

        var directories = new List<string>();
        if (Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell)
        {
            directories.Add(shell);
        }

        for (var directory = new DirectoryInfo(Environment.CurrentDirectory).Parent; directory is not null; directory = directory.Parent)
        {
            directories.Add(directory.FullName);
        }

        return directories.Select(d => Path.Combine(d, typed)).FirstOrDefault(File.Exists) is { } found
            ? new FileInfo(found)
            : file;
    }

    private static int Fail(string file, IEnumerable<ScenarioError> errors, TextWriter error)
    {
        var list = errors.ToList();
        error.WriteLine($"{file}: {list.Count} error(s); nothing was simulated.");
        foreach (var e in list)
        {
            error.WriteLine(e.Format(file));
        }

        return 1;
    }
}
