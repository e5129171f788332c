using TagBot.Core.Policies;
using TagBot.Core.Tests.Status;

namespace TagBot.Core.Tests.Policies;

/// <summary>
/// The key table of docs/configuration.md is generated from <see cref="PolicyReference"/> between two
/// markers; the prose around it is written by hand. This fails when the table drifts.
/// </summary>
public sealed class ConfigurationDocTests
{
    private const string Start = "<!-- generated:policy-keys:start -->\n";
    private const string End = "<!-- generated:policy-keys:end -->";

    [Fact]
    public void The_configuration_doc_lists_the_policy_keys_of_the_reference()
    {
        var path = RepositoryFiles.PathOf("docs/configuration.md");
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/configuration.md needs the markers {Start.Trim()} and {End}, in this order");

        var expected = document[..(start + Start.Length)] + PolicyReference.Markdown() + document[end..];
        if (Environment.GetEnvironmentVariable("TAGBOT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            document = expected;
        }

        Assert.Equal(expected, document);
    }
}
