namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

/// <summary>A roster saved by a Windows editor: a UTF-8 byte-order mark and CRLF line breaks, read and kept on edit.</summary>
public class ByteOrderMarkRosterTests
{
    private const string Bom = "\uFEFF";
    private static readonly Term Term2026 = new(new DateOnly(2026, 3, 1), new DateOnly(2028, 3, 1));

    private static readonly string Roster = Bom + """
        people:
          - { github: alice, region: EMEA }
        roles:
          tech_lead:
            - { github: alice, term: { start: 2025-01-01, end: 2027-01-01 } }
        emeritus: []

        """.ReplaceLineEndings("\r\n");

    [Fact]
    public void The_roster_is_read_as_if_the_mark_were_not_there()
    {
        var result = RosterSource.Read(Policy.Default, Roster, Bom + "people: []\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(result.Roster!.HasRole("alice", "tech_lead"));
    }

    [Fact]
    public void An_edit_keeps_the_mark_and_the_CRLF_line_breaks()
    {
        var edit = RosterEditor.Apply(RosterSettings.Default, Roster, new RosterChange(new Seat("tech_lead", "grace", Term2026)));

        Assert.True(edit.IsValid, string.Join("\n", edit.Errors));
        Assert.StartsWith(Bom + "people:\r\n", edit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Bom, edit.Text![1..], StringComparison.Ordinal);
        Assert.DoesNotContain("\n", edit.Text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("grace", edit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_mark_gets_none()
    {
        var edit = RosterEditor.Apply(RosterSettings.Default, Roster[1..], new RosterChange(new Seat("tech_lead", "grace", Term2026)));

        Assert.False(edit.Text!.StartsWith(Bom, StringComparison.Ordinal));
    }
}
