namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Rosters;

public class RosterModelTests
{
    [Fact]
    public void People_with_the_same_login_in_another_case_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Roster(
            [new Person("alice", null, null, null), new Person("ALICE", null, null, null)],
            new Dictionary<string, IReadOnlyList<SeatHolder>>(),
            []));
    }

    [Fact]
    public void Term_is_active_from_its_start_until_the_day_before_its_end()
    {
        var term = new Term(new DateOnly(2025, 3, 1), new DateOnly(2027, 3, 1));

        Assert.False(term.IsActiveOn(new DateOnly(2025, 2, 28)));
        Assert.True(term.IsActiveOn(new DateOnly(2025, 3, 1)));
        Assert.True(term.IsActiveOn(new DateOnly(2027, 2, 28)));
        Assert.False(term.IsActiveOn(new DateOnly(2027, 3, 1)));
    }

    [Theory]
    [InlineData("octocat", true)]
    [InlineData("Octo-Cat-2", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("-octocat", false)]
    [InlineData("octo_cat", false)]
    [InlineData("octo.cat", false)]
    [InlineData("@octocat", false)]
    [InlineData("octocät", false)]
    public void GitHub_login_syntax(string login, bool valid)
    {
        Assert.Equal(valid, Login.IsValidLogin(login));
        Assert.Equal(valid, Login.Problem(login) is null);
    }

    [Fact]
    public void Roles_of_a_login_follow_the_role_order_without_repeats()
    {
        var roster = new Roster(
            [],
            new Dictionary<string, IReadOnlyList<SeatHolder>>
            {
                ["chair"] = [new SeatHolder("eddie", null)],
                ["member"] = [new SeatHolder("Eddie", null), new SeatHolder("carol", null)],
            },
            []);

        Assert.Equal(["chair", "member"], roster.RolesOf("EDDIE"));
        Assert.Equal(["member"], roster.RolesOf("carol"));
    }
}
