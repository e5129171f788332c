namespace TagBot.Core.Tests.Rosters;

using FsCheck.Xunit;
using TagBot.Core.Rosters;
using TagBot.Core.Tests.Policies;

public class RosterReaderPropertyTests
{
    [Property(MaxTest = 500)]
    public void Mutated_spec_roster_never_throws_and_errors_are_located(int seed)
    {
        var text = PolicyLoaderPropertyTests.Mutate(SpecSamples.RosterFile, seed);

        var result = RosterReader.Read(text, "governance/roster.yaml", ["APAC", "EMEA", "Americas"]);

        Assert.Equal(result.Errors.Count == 0, result.IsValid);
        Assert.Equal(result.IsValid, result.Roster is not null);
        var lines = text.Split('\n').Length;
        Assert.All(result.Errors, e => Assert.InRange(e.Line, 1, lines + 1));
    }

    [Property]
    public void Every_listed_login_holds_its_role_in_any_case(bool upper, byte count)
    {
        var logins = Enumerable.Range(0, count % 40).Select(i => $"user-{i}").ToList();
        var yaml = "roles:\n  member:\n" + string.Concat(logins.Select(l => $"    - {{ github: {l} }}\n"));

        var roster = RosterReader.Read(yaml, "r.yaml").Roster!;

        Assert.All(logins, l => Assert.True(roster.HasRole(upper ? l.ToUpperInvariant() : l, "member")));
        Assert.False(roster.HasRole("someone-else", "member"));
    }
}
