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
        Assert.Contains("valid tagbot roster, 4 people", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_error_names_file_line_and_key_and_the_exit_code_is_non_zero()
    {
        var config = Write("tagbot.yml", "proposals:\n  support_required: two\n  min_discusion_days: 3\n");
        var roster = Write("roster.yaml", GovernanceWorld.DefaultRoster);

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", roster);

        Assert.Equal(1, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"{config}:2:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("proposals.support_required", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains($"{config}:3:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("did you mean 'min_discussion_days'", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_error_names_file_line_and_key()
    {
        var config = Write("tagbot.yml", "proposals:\n  support_required: 3\n");
        var roster = Write("roster.yaml", "roles:\n  tech_lead:\n    - { github: alice, term: { start: 2025-13-01, end: 2027-01-01 } }\n");

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", roster);

        Assert.Equal(1, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"{roster}:3:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("roles.tech_lead[0].term.start", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cncf_toc_policy_reads_the_real_tags_yaml_in_its_own_format()
    {
        var config = Write("tagbot.yml", CncfTocPolicy("tag-security-and-compliance"));

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", RealTagsYaml);

        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("valid cncf-toc (entry `tag-security-and-compliance`) roster", tagbot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown key", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_cncf_toc_entry_is_an_error_with_the_entry_it_probably_means()
    {
        // TAG Security was renamed TAG Security and Compliance: a policy that still names the old dir.
        var config = Write("tagbot.yml", CncfTocPolicy("tag-security-and-complience"));

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", RealTagsYaml);

        Assert.Equal(1, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"{RealTagsYaml}:1:1:", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("no entry with `dir: tag-security-and-complience`", tagbot.Output, StringComparison.Ordinal);
        Assert.Contains("did you mean `tag-security-and-compliance`?", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_markdown_table_roster_is_read_as_tables_with_the_members_file_merged()
    {
        var config = Write("tagbot.yml", "roster:\n  path: README.md\n  format: markdown-table\n  members_path: members.yaml\n");
        var readme = Write("README.md", MarkdownReadme);
        var members = Write("members.yaml", "people:\n  - { github: alice, region: EMEA }\n  - { github: mia, region: APAC }\n"
            + "roles:\n  member:\n    - { github: mia }\n");

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", readme, "--members", members);

        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("valid markdown-table roster, 3 people, roles chair (1), tech_lead (1), member (1)", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_markdown_table_names_the_readme_and_its_line()
    {
        var config = Write("tagbot.yml", "roster:\n  path: README.md\n  format: markdown-table\n");
        var readme = Write("README.md", MarkdownReadme.Replace("2025-03-01 – 2027-03-01", "March 2025", StringComparison.Ordinal));

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", readme);

        Assert.Equal(1, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"{readme}:12:", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_is_not_checked_in_a_format_guessed_from_an_invalid_policy()
    {
        var config = Write("tagbot.yml", "roster:\n  path: tags.yaml\n  format: cncf-toc\n  entry: tag-security-and-compliance\nproposals:\n  support_required: two\n");

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", RealTagsYaml);

        Assert.Equal(1, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("not checked: its format comes from the policy, which has errors", tagbot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown key 'tags'", tagbot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_with_a_byte_order_mark_and_CRLF_are_read_as_the_bot_reads_them()
    {
        var config = Path.Combine(_directory.FullName, "tagbot.yml");
        File.WriteAllBytes(config, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("proposals:\r\n  support_required: 3\r\n")]);
        var roster = Path.Combine(_directory.FullName, "roster.yaml");
        File.WriteAllBytes(roster, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(GovernanceWorld.DefaultRoster.ReplaceLineEndings("\r\n"))]);

        using var tagbot = TagBotProcess.Start(new Dictionary<string, string?>(), "validate", "--config", config, "--roster", roster);

        Assert.Equal(0, await tagbot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("valid tagbot roster, 4 people", tagbot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\ufeff", tagbot.Output, StringComparison.Ordinal);
    }

    /// <summary>cncf/toc's file has no regions: a policy for it seats its leads without them.</summary>
    private static string CncfTocPolicy(string entry) =>
        $"roster:\n  path: tags.yaml\n  format: cncf-toc\n  entry: {entry}\nregions: []\nroles:\n  tech_lead:\n    seats: 6\n";

    private static string RealTagsYaml => Path.Combine(AppContext.BaseDirectory, "Fixtures", "cncf-toc", "tags.yaml");

    private const string MarkdownReadme = """
        # TAG Example

        <!-- tagbot:roster:chair:start -->
        | Name | GitHub | Company | Term |
        |------|--------|---------|------|
        | Carla Chair | [@carla](https://github.com/carla) | Example | 2025-01-01 – 2027-01-01 |
        <!-- tagbot:roster:chair:end -->

        <!-- tagbot:roster:tech_lead:start -->
        | Name | Handle | Organization | Term |
        | :--- | :----- | :----------- | ---- |
        | Alice Example | @alice | Example Corp | 2025-03-01 – 2027-03-01 |
        <!-- tagbot:roster:tech_lead:end -->

        """;

    public void Dispose() => _directory.Delete(recursive: true);
}
