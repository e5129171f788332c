namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

public class MarkdownTableTests
{
    private const string File = "README.md";

    /// <summary>A group's README: prose, two role tables in different styles, an unrelated table, an emeritus table.</summary>
    private const string Readme = """
        # TAG Security

        TAG Security facilitates collaboration to discover and produce resources that enable secure access,
        policy control and safety for operators, administrators, developers and end users.

        ## Leadership

        Chairs are appointed by the TOC; tech leads are elected by members (see [governance](governance.md)).

        ### Chairs

        <!-- tagbot:roster:chair:start -->
        | Name | GitHub | Company | Term |
        |------|--------|---------|------|
        | Eddie Knight | [@eddie-knight](https://github.com/eddie-knight) | Sonatype | 2024-05-01 – 2026-05-01 |
        | Marina Moore | [@mnm678](https://github.com/mnm678) | Edera | 2024-05-01 - 2026-05-01 |
        <!-- tagbot:roster:chair:end -->

        ### Technical leads

        <!-- tagbot:roster:tech_lead:start -->
        | Name | Handle | Organization | Region | Term | Focus |
        | :--- | :----- | :----------- | :----: | ---- | ----- |
        | Alice Example | @alice | Example Corp | EMEA | 2025-03-01 – 2027-03-01 | Supply chain |
        | Dave O'Brien | @dave | Acme | APAC | 2024-03-01 – 2026-03-01 | Threat modeling \| assessments |
        <!-- tagbot:roster:tech_lead:end -->

        ## Meetings

        | Day | Time (UTC) | Link |
        |-----|------------|------|
        | Wednesday | 18:00 | [Zoom](https://zoom.us/j/123) |

        ## Emeritus leads

        <!-- tagbot:roster:emeritus:start -->
        | Name | GitHub | Role | Term |
        |------|--------|------|------|
        | Bob Builder | @bob | Tech Lead | 2022-03-01 – 2024-03-01 |
        <!-- tagbot:roster:emeritus:end -->

        """;

    private const string DaveRow = "| Dave O'Brien | @dave | Acme | APAC | 2024-03-01 – 2026-03-01 | Threat modeling \\| assessments |\n";
    private const string MarinaRow = "| Marina Moore | [@mnm678](https://github.com/mnm678) | Edera | 2024-05-01 - 2026-05-01 |\n";
    private const string BobRow = "| Bob Builder | @bob | Tech Lead | 2022-03-01 – 2024-03-01 |\n";

    private static readonly Term Term2026 = new(new DateOnly(2026, 3, 1), new DateOnly(2028, 3, 1));
    private static readonly RosterSettings Settings = new(File, RosterFormat.MarkdownTable);
    private static readonly string[] Roles = ["chair", "tech_lead"];

    private static string Apply(string text, params RosterOperation[] operations)
    {
        var result = RosterEditor.Apply(Settings, text, new RosterChange(operations));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Text!;
    }

    private static ConfigError SingleError(string text, params RosterOperation[] operations)
    {
        var result = RosterEditor.Apply(Settings, text, new RosterChange(operations));
        Assert.Null(result.Text);
        return Assert.Single(result.Errors);
    }

    private static Roster Read(string text)
    {
        var result = MarkdownTableReader.Read(text, File, Roles);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Roster!;
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Equal(2, text.Split(old).Length);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_marked_tables_by_their_headers()
    {
        var roster = Read(Readme);

        Assert.Equal(
            [new SeatHolder("eddie-knight", new(new(2024, 5, 1), new(2026, 5, 1))), new SeatHolder("mnm678", new(new(2024, 5, 1), new(2026, 5, 1)))],
            roster.HoldersOf("chair"));
        Assert.Equal(["alice", "dave"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal(new Person("dave", "Dave O'Brien", "Acme", "APAC"), roster.FindPerson("DAVE"));
        Assert.Equal(new Person("mnm678", "Marina Moore", "Edera", null), roster.FindPerson("mnm678"));
        Assert.Equal(new EmeritusEntry("bob", "tech_lead", new(new(2022, 3, 1), new(2024, 3, 1))), Assert.Single(roster.Emeritus));
        Assert.Equal(["chair", "tech_lead"], roster.Roles.Keys);
    }

    [Fact]
    public void A_row_without_a_login_is_a_vacancy()
    {
        var roster = MarkdownTableReader.Read(
            "<!-- tagbot:roster:chair:start -->\n| Name | GitHub |\n|--|--|\n| _vacant_ | |\n<!-- tagbot:roster:chair:end -->\n", File, ["chair"]).Roster!;

        Assert.Empty(roster.HoldersOf("chair"));
    }

    [Theory]
    [InlineData("2024-05-01 – 2026-05-01", "2024-05-01 to 2026-05-01", 15, 80, "chair[0].term", "expected a term written YYYY-MM-DD – YYYY-MM-DD")]
    [InlineData("[@eddie-knight](https://github.com/eddie-knight)", "@eddie knight", 15, 18, "chair[0].github", "only letters, digits and '-'")]
    [InlineData("| Name | GitHub | Company | Term |", "| Name | Login | Company | Term |", 13, 1, "chair", "the `chair` table has no GitHub (or Handle) column")]
    [InlineData("<!-- tagbot:roster:chair:end -->", "", 12, 1, "chair", "no `<!-- tagbot:roster:chair:end -->` line")]
    [InlineData("| Name | GitHub | Company | Term |\n|------|--------|---------|------|\n", "", 12, 1, "chair", "no table between the `chair` markers")]
    [InlineData("\n### Technical leads", "\n<!-- tagbot:roster:chair:start -->\n### Technical leads", 19, 1, "chair", "the `chair` markers appear more than once")]
    public void Reading_errors_are_located(string old, string replacement, int line, int column, string key, string message)
    {
        var result = MarkdownTableReader.Read(Replace(Readme, old, replacement), File, Roles);

        var error = Assert.Single(result.Errors);
        Assert.Equal((File, line, column, key), (error.File, error.Line, error.Column, error.Key));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Seat_adds_a_row_and_leaves_every_other_byte(string newLine)
    {
        var edited = Apply(Readme.ReplaceLineEndings(newLine), new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy", "Americas")));

        var grace = "| Grace Hopper | @grace | Navy | Americas | 2026-03-01 – 2028-03-01 |  |\n";
        Assert.Equal(Replace(Readme, DaveRow, DaveRow + grace).ReplaceLineEndings(newLine), edited);
        Assert.Equal(new Person("grace", "Grace Hopper", "Navy", "Americas"), Read(edited).FindPerson("grace"));
    }

    [Fact]
    public void Seat_writes_the_login_like_the_other_rows()
    {
        var edited = Apply(Readme, new Seat("chair", "grace", Term2026));

        Assert.Equal(Replace(Readme, MarinaRow, MarinaRow + "|  | [@grace](https://github.com/grace) |  | 2026-03-01 – 2028-03-01 |\n"), edited);
    }

    [Fact]
    public void Seat_into_an_empty_table_follows_the_other_tables()
    {
        var readme = "Intro.\n<!-- tagbot:roster:chair:start -->\nName | GitHub\n--- | ---\n<!-- tagbot:roster:chair:end -->\n<!-- tagbot:roster:tech_lead:start -->\n| GitHub |\n|---|\n| [zoe](https://github.com/zoe) |\n<!-- tagbot:roster:tech_lead:end -->";

        var edited = Apply(readme, new Seat("chair", "grace", Term2026, new Person("grace", "Grace | Hopper", null, null)));

        Assert.Equal(readme.Replace("--- | ---\n", "--- | ---\nGrace \\| Hopper | [grace](https://github.com/grace)\n", StringComparison.Ordinal), edited);
        Assert.Equal("Grace \\| Hopper", MarkdownTableReader.Read(edited, File, ["chair"]).Roster!.FindPerson("grace")!.Name);
    }

    [Fact]
    public void Retire_moves_the_row_to_the_emeritus_table()
    {
        var edited = Apply(Readme, new Retire("tech_lead", "Dave"));

        Assert.Equal(Replace(Replace(Readme, DaveRow, ""), BobRow, BobRow + "| Dave O'Brien | @dave | Tech Lead | 2024-03-01 – 2026-03-01 |\n"), edited);
        var roster = Read(edited);
        Assert.False(roster.HasRole("dave", "tech_lead"));
        Assert.Equal(new EmeritusEntry("dave", "tech_lead", new(new(2024, 3, 1), new(2026, 3, 1))), roster.Emeritus[^1]);
    }

    [Fact]
    public void Without_an_emeritus_table_retire_only_removes_the_row()
    {
        var readme = Readme[..Readme.IndexOf("## Emeritus", StringComparison.Ordinal)].TrimEnd('\n');

        var edited = Apply(readme, new Retire("chair", "mnm678"));

        Assert.Equal(Replace(readme, MarinaRow, ""), edited);
        Assert.Contains(SingleError(edited, new Retire("chair", "mnm678")).Message, "'mnm678' does not hold `chair`, so cannot be retired from it", StringComparison.Ordinal);
    }

    [Fact]
    public void Reseat_replaces_the_term_cell_only()
    {
        var edited = Apply(Readme, new Reseat("chair", "mnm678", Term2026));

        Assert.Equal(Replace(Readme, "| Edera | 2024-05-01 - 2026-05-01 |", "| Edera | 2026-03-01 – 2028-03-01 |"), edited);
    }

    [Fact]
    public void Reseat_fills_a_short_row()
    {
        var readme = "<!-- tagbot:roster:chair:start -->\n| GitHub | Company | Term |\n|---|---|---|\n| @zoe |\n<!-- tagbot:roster:chair:end -->\n";

        var edited = Apply(readme, new Reseat("chair", "zoe", Term2026));

        Assert.Equal(readme.Replace("| @zoe |", "| @zoe | | 2026-03-01 – 2028-03-01 |", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void Seat_and_retire_in_one_change_applied_twice_gives_the_same_file()
    {
        var change = new RosterChange(
            new Retire("tech_lead", "dave"),
            new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", null, "APAC")),
            new Reseat("chair", "eddie-knight", Term2026));

        var once = RosterEditor.Apply(Settings, Readme, change).Text!;
        var twice = RosterEditor.Apply(Settings, once, change);

        Assert.Equal(once, twice.Text);
        var roster = Read(once);
        Assert.Equal(["alice", "grace"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal(Term2026, roster.HoldersOf("chair")[0].Term);
        Assert.Equal(["bob", "dave"], roster.Emeritus.Select(e => e.GitHub));
        Assert.Equal(Readme.Split("## Meetings")[1].Split("## Emeritus")[0], once.Split("## Meetings")[1].Split("## Emeritus")[0]);
    }

    [Fact]
    public void A_table_without_a_term_column_records_no_terms()
    {
        var readme = "<!-- tagbot:roster:member:start -->\n| GitHub |\n|---|\n| @carol |\n<!-- tagbot:roster:member:end -->\n";

        var edited = Apply(readme, new Seat("member", "dave", Term2026), new Seat("member", "carol", Term2026), new Reseat("member", "carol", Term2026));

        Assert.Equal(readme.Replace("| @carol |\n", "| @carol |\n| @dave |\n", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void A_role_without_markers_is_an_error()
    {
        var error = SingleError(Readme, new Seat("member", "grace", Term2026));

        Assert.Equal((1, 1, "member"), (error.Line, error.Column, error.Key));
        Assert.StartsWith("no `<!-- tagbot:roster:member:start -->` line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retiring_someone_absent_is_an_error_on_the_table()
    {
        var error = SingleError(Readme, new Retire("chair", "alice"));

        Assert.Equal((13, "chair"), (error.Line, error.Key));
        Assert.Contains("'alice' does not hold `chair`", error.Message, StringComparison.Ordinal);
    }
}
