using System.Text.RegularExpressions;
using TagBot.Cli;

namespace TagBot.Tests.Observability;

/// <summary>
/// What an operator reads and copies: one name for the key file everywhere, secrets kept out of
/// git and the image, and the project files a CNCF project has.
/// </summary>
public sealed partial class OperatorFilesTests
{
    private static IEnumerable<string> OperatorDocuments() =>
        new[] { "README.md", "Dockerfile", "CONTRIBUTING.md", "SECURITY.md" }.Select(RepositoryFiles.PathOf)
            .Concat(Directory.EnumerateFiles(RepositoryFiles.PathOf("docs"), "*.md"))
            .Concat(Directory.EnumerateFiles(RepositoryFiles.PathOf("deploy"), "*.yaml", SearchOption.AllDirectories));

    [Fact]
    public void Every_key_file_named_in_the_docs_and_deploy_files_is_the_one_create_app_writes()
    {
        Assert.Equal("tagbot.private-key.pem", AppCredentialFiles.KeyFileName);
        var others = OperatorDocuments()
            .SelectMany(file => PemFile().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Name: m.Value)))
            .Where(found => !found.Name.EndsWith("/" + AppCredentialFiles.KeyFileName, StringComparison.Ordinal) && found.Name != AppCredentialFiles.KeyFileName)
            .ToList();

        Assert.Empty(others);
    }

    [Theory]
    [InlineData(".gitignore")]
    [InlineData(".dockerignore")]
    public void The_files_create_app_writes_are_ignored(string ignoreFile)
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf(ignoreFile)).Select(l => l.Trim()).ToHashSet();

        Assert.Contains(AppCredentialFiles.SettingsFileName, lines);
        Assert.Contains("*.pem", lines);
    }

    [Fact]
    public void The_Docker_path_runs_as_the_owner_of_the_0600_key_file()
    {
        foreach (var file in new[] { "README.md", "Dockerfile", "docs/operations.md" })
        {
            var text = File.ReadAllText(RepositoryFiles.PathOf(file));
            var run = text[text.IndexOf("docker run", StringComparison.Ordinal)..];
            run = run[..run.IndexOf(" tagbot\n", StringComparison.Ordinal)];
            Assert.Contains("--user \"$(id -u):$(id -g)\"", run, StringComparison.Ordinal);
            Assert.Contains($"-v \"$PWD/{AppCredentialFiles.KeyFileName}:/keys/{AppCredentialFiles.KeyFileName}:ro\"", run, StringComparison.Ordinal);
            Assert.Contains($"-e GitHub__PrivateKeyPath=/keys/{AppCredentialFiles.KeyFileName}", run, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_project_has_a_licence_a_security_policy_and_contribution_rules()
    {
        var licence = File.ReadAllText(RepositoryFiles.PathOf("LICENSE"));
        Assert.StartsWith("Apache License\n", licence.TrimStart().Replace("  ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Version 2.0, January 2004", licence, StringComparison.Ordinal);
        Assert.Contains("9. Accepting Warranty or Additional Liability.", licence, StringComparison.Ordinal);
        Assert.Contains("END OF TERMS AND CONDITIONS", licence, StringComparison.Ordinal);

        var security = File.ReadAllText(RepositoryFiles.PathOf("SECURITY.md"));
        Assert.Contains("Report a vulnerability", security, StringComparison.Ordinal);
        Assert.Contains("working days", security, StringComparison.Ordinal);

        var contributing = File.ReadAllText(RepositoryFiles.PathOf("CONTRIBUTING.md"));
        Assert.Contains("dotnet format TagBot.sln --verify-no-changes", contributing, StringComparison.Ordinal);
        Assert.Contains("Signed-off-by:", contributing, StringComparison.Ordinal);
        Assert.Contains("git commit -s", contributing, StringComparison.Ordinal);
    }

    // A file name ending in .pem, with any folder before it.
    [GeneratedRegex(@"[\w./$-]*\.pem\b")]
    private static partial Regex PemFile();
}
