using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

public class NominateFamilyTests
{
    private static readonly NominateFamily Family = new();

    [Theory]
    [InlineData("/nominate", null, null)]
    [InlineData("/nominate @bob", "bob", null)]
    [InlineData("/nominate EMEA", null, "EMEA")]
    [InlineData("/nominate @bob EMEA", "bob", "EMEA")]
    [InlineData("/nominate EMEA @bob", "bob", "EMEA")]
    [InlineData("/nominate @Bob, emea", "Bob", "emea")]
    [InlineData("/nominate @bob Mars", "bob", "Mars")] // the engine checks regions against the policy
    public void Reads_the_optional_nominee_and_region(string line, string? nominee, string? region)
    {
        var command = Parse<NominateCommand>(Family, line, IssueKind.Election);

        Assert.Equal((nominee, region), (command.Nominee, command.Region));
    }

    [Theory]
    [InlineData("/nominate @bob @carol", "Nominate one person per line; found `@bob` and `@carol`.")]
    [InlineData("/nominate myself for EMEA", "Give at most one region; found `myself` and `for`.")]
    [InlineData("/nominate @bob great candidate", "Give at most one region; found `great` and `candidate`.")]
    [InlineData("/nominate @b!b EMEA", "`@b!b` is not a valid GitHub login: logins have only letters, digits and hyphens, at most 39 of them.")]
    public void Refuses_anything_else(string line, string problem)
    {
        var malformed = Malformed(Family, line, IssueKind.Election);

        Assert.Equal(problem, malformed.Problem);
        Assert.Equal("Write `/nominate [@user] [REGION]`, for example `/nominate @alice EMEA`.", malformed.Usage);
    }
}
