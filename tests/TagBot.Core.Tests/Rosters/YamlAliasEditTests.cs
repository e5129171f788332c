namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

/// <summary>Anchors and aliases in a tagbot roster: edited correctly, or refused with the line; never a crash, never invalid YAML.</summary>
public class YamlAliasEditTests
{
    private const string File = "governance/roster.yaml";
    private static readonly Term Term2026 = new(new DateOnly(2026, 3, 1), new DateOnly(2028, 3, 1));

    private const string Roster = """
        people:
          - { github: kevin, region: EMEA }
          - { github: alice, region: APAC }
        roles:
          chair:
            - &kevin { github: kevin, term: { start: 2025-01-01, end: 2027-01-01 } }
          tech_lead:
            - { github: alice, term: { start: 2025-01-01, end: 2027-01-01 } }
            - *kevin
        emeritus: []
        """;

    private static RosterEditResult Apply(string text, params RosterOperation[] operations) =>
        RosterEditor.Apply(RosterSettings.Default with { Path = File }, text, new RosterChange(operations));

    [Fact]
    public void A_holder_is_appended_after_an_alias_item_and_the_file_stays_valid()
    {
        var edit = Apply(Roster, new Seat("tech_lead", "grace", Term2026));

        Assert.True(edit.IsValid, string.Join("\n", edit.Errors));
        var roster = RosterReader.Read(edit.Text, File).Roster!;
        Assert.Equal(["alice", "kevin", "grace"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Contains("    - *kevin\n", edit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Retiring_an_alias_item_removes_only_that_line()
    {
        var edit = Apply(Roster, new Retire("tech_lead", "kevin"));

        Assert.True(edit.IsValid, string.Join("\n", edit.Errors));
        var roster = RosterReader.Read(edit.Text, File).Roster!;
        Assert.Equal(["alice"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal(["kevin"], roster.HoldersOf("chair").Select(h => h.GitHub));
    }

    [Fact]
    public void Retiring_an_anchored_entry_that_is_aliased_elsewhere_is_refused_naming_the_alias_line()
    {
        var edit = Apply(Roster, new Retire("chair", "kevin"));

        Assert.False(edit.IsValid);
        var error = Assert.Single(edit.Errors);
        Assert.Equal(File, error.File);
        Assert.Equal(9, error.Line);
        Assert.Contains("*kevin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reseating_through_an_alias_is_refused_naming_the_alias_line()
    {
        // The term to change lives in the anchored chair entry: editing it would also change the chair.
        var edit = Apply(Roster, new Reseat("tech_lead", "kevin", Term2026));

        Assert.False(edit.IsValid);
        Assert.Contains(edit.Errors, e => e.Line == 9 && e.Message.Contains("*kevin", StringComparison.Ordinal));
    }
}
