using TagBot.Core.Policies;
using TagBot.Core.Policies.Rules;

namespace TagBot.Core.Tests.Policies.Rules;

public sealed class RosterRulesTests
{
    [Theory]
    [InlineData(RosterFormat.Tagbot, null)]
    [InlineData(RosterFormat.MarkdownTable, null)]
    [InlineData(RosterFormat.CncfToc, "tag-security")]
    public void Only_a_cncf_toc_roster_needs_an_entry(RosterFormat format, string? entry)
    {
        var policy = Policy.Default with { Roster = new RosterSettings(Format: format, Entry: entry) };

        Assert.Empty(RosterRules.CncfTocNamesItsEntry(policy));
    }

    [Fact]
    public void A_cncf_toc_roster_without_entry_points_at_the_entry_or_else_the_format()
    {
        var policy = Policy.Default with { Roster = new RosterSettings(Format: RosterFormat.CncfToc) };

        var violation = Assert.Single(RosterRules.CncfTocNamesItsEntry(policy));

        Assert.Equal("roster.entry", violation.Key);
        Assert.Equal(["roster.entry", "roster.format"], violation.At);
        Assert.StartsWith("required when roster.format is cncf-toc", violation.Message, StringComparison.Ordinal);
    }
}
