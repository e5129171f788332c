namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

public class RosterChangeTests
{
    private static readonly Term Term2026 = new(new DateOnly(2026, 3, 1), new DateOnly(2028, 3, 1));

    [Fact]
    public void Changes_compare_by_value_so_a_recomputed_change_equals_the_last_one()
    {
        RosterOperation[] operations = [new Seat("tech_lead", "grace", Term2026), new Retire("tech_lead", "bob")];
        var change = new RosterChange(operations);
        operations[0] = new Reseat("tech_lead", "grace", Term2026);

        Assert.Equal(new RosterChange(new Seat("tech_lead", "grace", Term2026), new Retire("tech_lead", "bob")), change);
        Assert.NotEqual(new RosterChange(new Retire("tech_lead", "bob"), new Seat("tech_lead", "grace", Term2026)), change);
        Assert.Empty(RosterChange.None.Operations);
    }
}
