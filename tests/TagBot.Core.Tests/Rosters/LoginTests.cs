using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Rosters;

public class LoginTests
{
    [Theory]
    [InlineData("alice", "Alice")]
    [InlineData("ALICE", "alice")]
    [InlineData("a-b-c", "A-B-C")]
    public void Any_casing_is_the_same_person(string a, string b)
    {
        Login left = a, right = b;
        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.Single(new HashSet<Login> { left, right });
    }

    [Theory]
    [InlineData("alice", "аlice")] // Cyrillic а
    [InlineData("bob", "ｂob")] // fullwidth b
    [InlineData("a-b", "a\u2011b")] // non-breaking hyphen
    [InlineData("carol", "carol\u200b")] // zero-width space
    [InlineData("kelvin", "\u212Aelvin")] // Kelvin sign folds to K under culture rules, not here
    public void A_look_alike_is_a_different_person(string real, string fake)
    {
        Assert.NotEqual(new Login(real), new Login(fake));
        Assert.False(Login.IsValidLogin(fake));
    }

    [Fact]
    public void Keeps_the_case_it_was_written_in_and_mentions_with_an_at()
    {
        var login = new Login("MaryAnn");
        Assert.Equal("MaryAnn", login.Value);
        Assert.Equal("@MaryAnn", login.Mention);
        Assert.Equal("maryann", login.Canonical);
        Assert.Equal("MaryAnn", (string)login);
    }

    [Fact]
    public void Orders_without_regard_to_case()
    {
        Login[] logins = ["carol", "Bob", "alice"];
        Assert.Equal(["alice", "Bob", "carol"], logins.Order().Select(l => l.Value));
        Assert.True(new Login("Bob") < new Login("carol"));
    }

    [Theory]
    [InlineData("alice", null)]
    [InlineData("a1-b2", null)]
    [InlineData("@alice", "write it without the '@'")]
    [InlineData("-alice", "only letters, digits and '-' (not first)")]
    [InlineData("al ice", "only letters, digits and '-' (not first)")]
    [InlineData("a234567890123456789012345678901234567890", "longer than 39 characters")]
    public void Problem_says_what_is_wrong(string login, string? expected)
    {
        var problem = Login.Problem(login);
        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_default_is_empty_and_invalid()
    {
        var none = default(Login);
        Assert.Equal("", none.Value);
        Assert.False(none.IsValid);
        Assert.Equal(new Login(""), none);
    }
}
