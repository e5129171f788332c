using TagBot.Tests.Observability;

namespace TagBot.Tests.GitHub;

/// <summary>
/// Issue 8: Octokit's REST client is an implementation detail of src/TagBot/GitHub. Everything
/// else talks to GitHub through that folder's classes (Octokit.Webhooks models are another library).
/// </summary>
public sealed class OctokitBoundaryTests
{
    [Fact]
    public void No_file_outside_src_TagBot_GitHub_uses_Octokits_REST_types()
    {
        var src = RepositoryFiles.PathOf("src");
        var gitHubFolder = Path.Combine(src, "TagBot", "GitHub") + Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(gitHubFolder, StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(line =>
                line.TrimStart() is var l && (l.StartsWith("using Octokit;", StringComparison.Ordinal) || l.StartsWith("using Octokit.Internal;", StringComparison.Ordinal)
                    || System.Text.RegularExpressions.Regex.IsMatch(l, @"\bOctokit\.(?!Webhooks\b)[A-Z]"))))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();

        Assert.Empty(offenders);
    }
}
