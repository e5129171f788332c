namespace TagBot.Core.Tests.Rosters;

using System.Text.RegularExpressions;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

/// <summary>cncf/toc's real <c>tags.yaml</c>, now and as it was for a year, read and edited as a TAG's roster.</summary>
public partial class RealTagsYamlTests
{
    private static readonly string Head = Fixture("tags.yaml");
    private static readonly string WithDuplicateLeadership = Fixture("tags-2025-09-24.yaml");
    private static readonly Term Term2026 = new(new DateOnly(2026, 7, 1), new DateOnly(2028, 6, 30));

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cncf-toc", name));

    private static RosterSettings Entry(string dir) => new("tags.yaml", RosterFormat.CncfToc, dir);

    private static IEnumerable<string> Dirs(string text) => DirLine().Matches(text).Select(m => m.Groups[1].Value);

    [Fact]
    public void Every_entry_of_the_current_file_reads_without_errors_or_warnings()
    {
        var dirs = Dirs(Head).ToList();
        Assert.True(dirs.Count >= 8, $"only {dirs.Count} entries found");
        foreach (var dir in dirs)
        {
            var result = RosterSource.Read(Policy.Default with { Roster = Entry(dir) }, Head, null);
            Assert.True(result.IsValid, $"{dir}: {string.Join("; ", result.Errors)}");
            Assert.Empty(result.Warnings);
        }
    }

    [Fact]
    public void Seating_and_retiring_a_lead_of_one_TAG_changes_only_that_TAGs_lines()
    {
        var roster = RosterSource.Read(Policy.Default with { Roster = Entry("tag-security-and-compliance") }, Head, null).Roster!;
        var leaving = roster.HoldersOf("tech_lead")[0].GitHub;

        var edit = RosterEditor.Apply(Entry("tag-security-and-compliance"), Head,
            new RosterChange(new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy", null)), new Retire("tech_lead", leaving)));

        Assert.True(edit.IsValid, string.Join("\n", edit.Errors));
        var before = Head.Split('\n');
        var after = edit.Text!.Split('\n');
        var (start, end) = Span(before, "tag-security-and-compliance");
        Assert.Equal(before[..start], after[..start]);
        Assert.Equal(before[end..], after[^(before.Length - end)..]);
        var edited = CncfTocReader.Read(edit.Text, "tags.yaml", "tag-security-and-compliance").Roster!;
        Assert.Contains(edited.HoldersOf("tech_lead"), h => h.GitHub == "grace" && h.Term == Term2026);
        Assert.DoesNotContain(edited.HoldersOf("tech_lead"), h => h.GitHub == leaving);
    }

    [Fact]
    public void A_duplicate_leadership_key_in_other_entries_is_a_warning_naming_them_not_a_refusal()
    {
        var result = RosterSource.Read(Policy.Default with { Roster = Entry("mentoring-subproject") }, WithDuplicateLeadership, null);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(5, result.Warnings.Count);
        Assert.All(result.Warnings, w => Assert.Contains("duplicate key 'leadership'", w.Message, StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Line == 92);
    }

    [Fact]
    public void The_entry_being_edited_with_two_leadership_keys_is_refused_with_both_lines()
    {
        var result = RosterSource.Read(Policy.Default with { Roster = Entry("tag-developer-experience") }, WithDuplicateLeadership, null);

        var error = Assert.Single(result.Errors);
        Assert.Equal((92, "tags[0].leadership"), (error.Line, error.Key));
        Assert.Contains("first set on line 8", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, result.Warnings.Count);
    }

    [Fact]
    public void An_entry_of_the_old_file_is_edited_despite_the_other_entries_duplicates()
    {
        var edit = RosterEditor.Apply(Entry("mentoring-subproject"), WithDuplicateLeadership,
            new RosterChange(new Seat("chair", "grace", Term2026, new Person("grace", "Grace Hopper", null, null))));

        Assert.True(edit.IsValid, string.Join("\n", edit.Errors));
        Assert.Contains(CncfTocReader.Read(edit.Text, "tags.yaml", "mentoring-subproject").Roster!.HoldersOf("chair"), h => h.GitHub == "grace");
    }

    /// <summary>The lines of an entry: from its <c>- dir:</c> line to the next entry at the same depth.</summary>
    private static (int Start, int End) Span(string[] lines, string dir)
    {
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith($"- dir: {dir}", StringComparison.Ordinal));
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var end = Array.FindIndex(lines, start + 1, l => l.Length > indent && l[..indent].Trim().Length == 0 && l[indent] == '-'
            || (l.Length > 0 && l.Length - l.TrimStart().Length < indent && l.Trim().Length > 0));
        return (start, end < 0 ? lines.Length : end);
    }

    [GeneratedRegex(@"^\s*- dir: ([A-Za-z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex DirLine();
}
