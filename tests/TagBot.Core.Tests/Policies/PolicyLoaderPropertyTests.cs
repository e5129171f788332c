namespace TagBot.Core.Tests.Policies;

using FsCheck;
using FsCheck.Xunit;
using TagBot.Core.Policies;

/// <summary>Whatever the file says, the loader answers with a policy or located errors, and never throws.</summary>
public class PolicyLoaderPropertyTests
{
    private const string YamlSpecials = ":-[]{}#&*!|>'\"%@`,? \t\n0aZ";

    /// <summary>The full default policy file (every key, as in docs/configuration.md) with 1–5 random edits (insertions of YAML punctuation, deletions).</summary>
    internal static string Mutate(string text, int seed)
    {
        var random = new Random(seed);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(3) == 0 && at < text.Length
                ? text.Remove(at, 1)
                : text.Insert(at, YamlSpecials[random.Next(YamlSpecials.Length)].ToString());
        }
        return text;
    }

    [Property(MaxTest = 500)]
    public void Mutated_spec_file_never_throws_and_errors_are_located(int seed)
    {
        var text = Mutate(SpecSamples.PolicyFile, seed);

        var result = PolicyLoader.Load(text);

        Assert.Equal(result.Errors.Count == 0, result.IsValid);
        Assert.Equal(result.IsValid, result.Policy is not null);
        var lines = text.Split('\n').Length;
        Assert.All(result.Errors, e =>
        {
            Assert.InRange(e.Line, 1, lines + 1);
            Assert.True(e.Column >= 1);
            Assert.False(string.IsNullOrWhiteSpace(e.Key));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        });
    }

    [Property]
    public void Support_required_is_read_back_or_rejected_on_its_line(int n)
    {
        var result = PolicyLoader.Load($"# comment\nproposals:\n  support_required: {n}\n");

        if (n >= 0)
        {
            Assert.Equal(n, result.Policy!.Proposals.SupportRequired);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal((3, "proposals.support_required"), (error.Line, error.Key));
        }
    }

    [Property]
    public void Random_text_never_throws(NonEmptyString text)
    {
        var result = PolicyLoader.Load(text.Get);

        Assert.Equal(result.Errors.Count == 0, result.IsValid);
    }
}
