namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

/// <summary>
/// Markdown roster tables as people write them (format <c>markdown-table</c>): cncf/toc's hand-kept TAG leadership
/// page, one table per role with the logins only in the Name column's links, and the handle styles of READMEs
/// (<c>Profile</c> headers, bold and linked handles). The fixture is the real file; the tests add the markers.
/// </summary>
public class HandWrittenTableTests
{
    private const string File = "tags/cncf-tags.md";
    private static readonly string Page = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cncf-toc", "cncf-tags-2025-04-09.md"));
    private static readonly Term Term2026 = new(new DateOnly(2026, 7, 1), new DateOnly(2028, 6, 30));

    /// <summary>The page with <paramref name="role"/>'s markers around the table under <c>### TAG</c> / <c>#### Heading</c>.</summary>
    private static string Mark(string text, string tag, string heading, string role)
    {
        var lines = text.Split('\n').ToList();
        var at = lines.FindIndex(l => l.TrimEnd() == $"### {tag}");
        at = lines.FindIndex(at, l => l.StartsWith($"#### {heading}", StringComparison.Ordinal));
        var header = lines.FindIndex(at, l => l.StartsWith('|'));
        var end = lines.FindIndex(header, l => !l.StartsWith('|'));
        lines.Insert(end, $"<!-- tagbot:roster:{role}:end -->");
        lines.Insert(header, $"<!-- tagbot:roster:{role}:start -->");
        return string.Join('\n', lines);
    }

    private static string Runtime => Mark(Mark(Page, "TAG Runtime", "Chairs", "chair"), "TAG Runtime", "Tech Leads", "tech_lead");

    private static Policy MarkdownPolicy(string extra = "") =>
        PolicyLoader.Load($"roster:\n  path: {File}\n  format: markdown-table\n{extra}") is { IsValid: true } loaded
            ? loaded.Policy!
            : throw new InvalidOperationException(string.Join("\n", PolicyLoader.Load(extra).Errors));

    [Fact]
    public void A_table_of_linked_names_reads_the_logins_from_the_profile_links()
    {
        var result = RosterSource.Read(MarkdownPolicy(), Runtime, null);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var roster = result.Roster!;
        Assert.Equal(["miao0miao", "raravena80", "srust"], roster.HoldersOf("chair").Select(h => h.GitHub));
        Assert.Equal(["kad", "k82cn", "rajaskakodkar"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal("Danielle Tal", roster.FindPerson("miao0miao")!.Name);
    }

    [Fact]
    public void With_tech_lead_null_a_group_with_only_a_chairs_table_is_a_roster()
    {
        var chairsOnly = Mark(Page, "TAG App-Delivery", "Chairs", "chair");
        Assert.False(RosterSource.Read(MarkdownPolicy(), chairsOnly, null).IsValid);

        var policy = MarkdownPolicy("roles:\n  tech_lead: null\nelections:\n  role: chair\n");
        var result = RosterSource.Read(policy, chairsOnly, null);

        Assert.Equal(["chair"], policy.Roles.Keys);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(["lianmakesthings", "roberthstrand"], result.Roster!.HoldersOf("chair").Select(h => h.GitHub));
    }

    [Fact]
    public void Removing_a_role_that_is_not_a_default_is_an_error_and_removing_the_election_role_is_caught()
    {
        var unknown = PolicyLoader.Load("roles:\n  steward: null\n");
        Assert.Contains(unknown.Errors, e => e.Line == 2 && e.Message.Contains("removes a default role", StringComparison.Ordinal));

        var electionRole = PolicyLoader.Load("roles:\n  tech_lead: null\n");
        Assert.Contains(electionRole.Errors, e => e.Key == "elections.role");
    }

    [Fact]
    public void A_new_chair_is_a_linked_name_like_the_rows_above_and_a_retired_one_is_removed()
    {
        var edit = RosterEditor.Apply(MarkdownPolicy().Roster, Runtime, new RosterChange(
            new Seat("chair", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy", "Americas")),
            new Retire("chair", "raravena80")));

        Assert.True(edit.IsValid, string.Join("\n", edit.Errors));
        var expected = Runtime
            .Replace("| [Ricardo Aravena](https://github.com/raravena80)  |\n", "", StringComparison.Ordinal)
            .Replace("| [Stephen Rust](https://github.com/srust)          |\n", "| [Stephen Rust](https://github.com/srust)          |\n| [Grace Hopper](https://github.com/grace) |\n", StringComparison.Ordinal);
        Assert.Equal(expected, edit.Text);
    }

    [Fact]
    public void A_name_whose_link_is_not_a_GitHub_profile_is_an_error_on_its_line()
    {
        var security = Mark(Page, "TAG Security", "Tech Leads", "tech_lead");

        var result = MarkdownTableReader.Read(security, File, ["tech_lead"]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(Array.FindIndex(security.Split('\n'), l => l.Contains("github.commatthewflannery", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Equal("tech_lead[5].github", error.Key);
        Assert.Contains("no GitHub login for \"[Matt Flannery](https://github.commatthewflannery)\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_written_in_words_are_reported_not_guessed()
    {
        var security = Mark(Page, "TAG Security", "Chairs", "chair");

        var result = MarkdownTableReader.Read(security, File, ["chair"]);

        Assert.Contains(result.Errors, e => e.Key == "chair[0].term" && e.Message.Contains("October, 2023 - October, 2025", StringComparison.Ordinal));
    }

    private const string Readme = """
        ## Leads

        <!-- tagbot:roster:chair:start -->
        | Name | Profile | Company |
        |------|---------|---------|
        | **Nicholas Clark** | **[@NickTheDevOpsGuy](https://github.com/NickTheDevOpsGuy)** | *Acme* |
        | **April Drake** | [AprilLorDrake](https://github.com/aprillordrake) | *Initech* |
        | Ann Other | @ann | |
        | Bo Ld | **@bold** | |
        | **Last Row** | **[@last](https://github.com/last)** | *Globex* |
        <!-- tagbot:roster:chair:end -->

        """;

    [Fact]
    public void A_Profile_column_reads_bold_linked_and_plain_handles_as_logins_and_bold_names_as_names()
    {
        var roster = MarkdownTableReader.Read(Readme, "README.md", ["chair"]).Roster!;

        // A link names the profile it points to, whatever its text's case.
        Assert.Equal(["NickTheDevOpsGuy", "aprillordrake", "ann", "bold", "last"], roster.HoldersOf("chair").Select(h => h.GitHub));
        Assert.Equal(new Person("NickTheDevOpsGuy", "Nicholas Clark", "Acme", null), roster.FindPerson("nicktheDevOpsGuy"));
    }

    [Fact]
    public void A_new_row_is_written_like_the_row_above_it_bold_names_and_bold_linked_handles()
    {
        var edit = RosterEditor.Apply(new RosterSettings("README.md", RosterFormat.MarkdownTable), Readme,
            new RosterChange(new Seat("chair", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy", null))));

        Assert.True(edit.IsValid, string.Join("\n", edit.Errors));
        Assert.Contains("| **Last Row** | **[@last](https://github.com/last)** | *Globex* |\n| **Grace Hopper** | **[@grace](https://github.com/grace)** | *Navy* |\n<!--",
            edit.Text, StringComparison.Ordinal);
    }
}
