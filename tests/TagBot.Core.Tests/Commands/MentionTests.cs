using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

/// <summary>Login rules, shared by every command that mentions a nominee.</summary>
public class MentionTests
{
    private static readonly BreakTieFamily Family = new();

    [Theory]
    [InlineData("a")]
    [InlineData("Alice-Example")]
    [InlineData("123")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghi")] // 39 characters
    [InlineData("renovate[bot]")]
    public void Valid_logins_are_kept_as_written(string login) =>
        Assert.Equal(login, Parse<BreakTieCommand>(Family, $"/break-tie @{login}", IssueKind.Election).Nominee);

    [Theory]
    [InlineData("@alice,")]
    [InlineData("@alice.")]
    [InlineData("@alice;")]
    [InlineData("@alice:")]
    [InlineData("@alice!")]
    [InlineData("@alice?")]
    public void Trailing_punctuation_is_not_part_of_the_login(string mention) =>
        Assert.Equal("alice", Parse<BreakTieCommand>(Family, $"/break-tie {mention}", IssueKind.Election).Nominee);

    [Theory]
    [InlineData("@abcdefghijabcdefghijabcdefghijabcdefghij")] // 40 characters
    [InlineData("@a_b")]
    [InlineData("@a.b")]
    [InlineData("@\u00E1lice")] // á
    [InlineData("@\u0430lice")] // Cyrillic a
    [InlineData("@a[bot]x")]
    [InlineData("@[bot]")]
    [InlineData("@")]
    [InlineData("@@alice")]
    [InlineData("@alice),")]
    public void Invalid_logins_are_refused(string mention) =>
        Assert.Equal(
            $"`{mention}` is not a valid GitHub login: logins have only letters, digits and hyphens, at most 39 of them.",
            Malformed(Family, $"/break-tie {mention}", IssueKind.Election).Problem);
}
