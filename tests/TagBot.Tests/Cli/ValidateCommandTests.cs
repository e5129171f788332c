using TagBot.Tests.Harness;

namespace TagBot.Tests.Cli;

/// <summary><c>TagBot validate</c> run as the real executable, as an operator would before committing a policy.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-validate-");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Valid_files_pass_with_exit_code_0()
    {
        var config = Write("tagbot.yml", "proposals:\n  support_required: 3\n");
        var roster = Write("roster.yaml", GovernanceWorld.DefaultRoster);

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", roster);

        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("valid policy", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("valid roster, 4 people", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_error_names_file_line_and_key_and_the_exit_code_is_non_zero()
    {
        var config = Write("tagbot.yml", "proposals:\n  support_required: two\n  min_discusion_days: 3\n");
        var roster = Write("roster.yaml", "roles:\n  tech_lead:\n    - { github: alice, term: { start: 2025-13-01, end: 2027-01-01 } }\n");

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", roster);

        Assert.Equal(1, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"{config}:2:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("proposals.support_required", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains($"{config}:3:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("did you mean 'min_discussion_days'", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains($"{roster}:3:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("roles.tech_lead[0].term.start", tagbot.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
