using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Policies;

public sealed class FractionTests
{
    [Theory]
    [InlineData("2/3", 9, 6)]
    [InlineData("2/3", 4, 3)]
    [InlineData("1/2", 1502, 751)]
    [InlineData("0.5", 7, 4)]
    [InlineData("50%", 10, 5)]
    [InlineData("33.33%", 3, 1)]
    [InlineData("1", 5, 5)]
    public void A_share_of_a_whole_rounds_up_exactly(string text, int whole, int needed)
    {
        Assert.True(Fraction.TryParse(text, out var fraction));
        Assert.Equal(needed, fraction.Of(whole));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("two thirds")]
    [InlineData("-1/2")]
    [InlineData("150%")]
    public void Anything_but_a_share_above_0_and_at_most_1_is_refused(string text)
    {
        Assert.False(Fraction.TryParse(text, out _));
    }

    [Fact]
    public void A_fraction_is_written_back_as_the_policy_wrote_it()
    {
        Assert.True(Fraction.TryParse("2/3", out var thirds));
        Assert.True(Fraction.TryParse("0.5", out var half));
        Assert.Equal("2/3", thirds.ToString());
        Assert.Equal("50%", half.ToString());
    }
}
