using TagBot.Tests.Harness;

namespace TagBot.Tests.Cli;

/// <summary>
/// <c>TagBot validate</c> on a policy naming GitHub teams: offline, it checks the <c>team:ORG/SLUG</c> shape (a bad
/// one names file, line and key) and says the members are read from GitHub at run time.
/// </summary>
public sealed class ValidateTeamsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-validate-teams-");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Team_entries_are_accepted_and_their_membership_is_said_to_be_read_at_run_time()
    {
        var config = Write("tagbot.yml", "voters: [chair, team:cncf/toc]\nchairs: [team:cncf/toc]\n");
        var roster = Write("roster.yaml", GovernanceWorld.DefaultRoster);

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", roster);

        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("valid policy", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("team:cncf/toc (in voters, chairs): a GitHub team; its members are not checked here (validate is offline): "
            + "the bot reads them from GitHub at run time", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_entry_without_a_slug_names_file_line_and_key()
    {
        var config = Write("tagbot.yml", "voters: [chair]\nelections:\n  candidates: [member, team:cncf]\n");

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config);

        Assert.Equal(1, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"{config}:3:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("elections.candidates[1]: 'team:cncf' names no team: write team:ORG/SLUG", tagbot.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
