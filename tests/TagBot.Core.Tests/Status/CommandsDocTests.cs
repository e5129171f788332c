using TagBot.Core.Status;

namespace TagBot.Core.Tests.Status;

/// <summary>docs/commands.md is generated from the command families; this fails when it drifts.</summary>
public sealed class CommandsDocTests
{
    [Fact]
    public void The_commands_doc_matches_the_command_definitions()
    {
        var path = RepositoryFiles.PathOf("docs/commands.md");
        var expected = HelpText.Reference();
        if (Environment.GetEnvironmentVariable("TAGBOT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/commands.md is missing: run with TAGBOT_UPDATE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_reference_lists_every_verb()
    {
        var reference = HelpText.Reference();

        foreach (var verb in TagBot.Core.Commands.CommandCatalog.Families.SelectMany(f => f.Verbs))
        {
            Assert.Contains("`/" + verb, reference, StringComparison.Ordinal);
        }
    }
}
