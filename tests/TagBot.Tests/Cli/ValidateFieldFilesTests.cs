using TagBot.Tests.Harness;

namespace TagBot.Tests.Cli;

/// <summary>
/// <c>TagBot validate</c>, run as the real executable, on the files the field already keeps: a group of
/// Kubernetes' <c>sigs.yaml</c> (format <c>k8s-sigs</c>) and an Elekto <c>voters.yaml</c> (<c>elections.electorate</c>).
/// </summary>
public sealed class ValidateFieldFilesTests : IDisposable
{
    private static readonly string RealSigsYaml = Path.Combine(AppContext.BaseDirectory, "Fixtures", "k8s-community", "sigs.yaml");
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-validate-field-");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Policy(string dir, string electorate) =>
        $"roster:\n  path: sigs.yaml\n  format: k8s-sigs\n  entry: {dir}\nelections:\n  electorate: {{ path: {electorate}, format: elekto }}\n";

    [Fact]
    public async Task A_sigs_yaml_group_and_its_voters_file_are_checked_with_their_counts()
    {
        var voters = Write("voters.yaml", "# 2026 Steering Committee Election\neligible_voters:\n- alice\n- Bob\n- carol\n");
        var config = Write("tagbot.yml", Policy("sig-cli", voters));

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", RealSigsYaml);

        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("valid k8s-sigs (group `sig-cli`) roster, 4 people, roles chair (2), tech_lead (2)", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains($"{voters}: valid elekto electorate, 3 voters: the binding voters of the elections that freeze this version",
            tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_voters_file_and_a_misspelt_group_are_errors_naming_file_line_and_key()
    {
        var voters = Write("voters.yaml", "eligible_voters:\n- alice\n-\n- alice smith\n");
        var config = Write("tagbot.yml", Policy("sig-clii", voters));

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", RealSigsYaml);

        Assert.Equal(1, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("did you mean `sig-cli`?", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains($"{voters}: 2 error(s)", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains($"{voters}:3:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("eligible_voters[1]: an empty item", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains($"{voters}:4:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("eligible_voters[2]", tagbot.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
