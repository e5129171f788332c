using TagBot.Core.Policies.Loading;
using TagBot.Core.Yaml;

namespace TagBot.Core.Policies;

/// <summary>
/// Loads <c>.github/tagbot.yml</c>. Every key is optional: the file is merged over
/// <see cref="Policy.Default"/>, section by section and role by role, so a partial file overrides only
/// the keys it sets. Lists and region maps (<c>seats_per_region</c>, <c>min_per_region</c>) are values:
/// a file that sets one replaces it whole. All errors are reported, each with its line and column.
/// </summary>
public static class PolicyLoader
{
    public const string DefaultFileName = ".github/tagbot.yml";

    /// <summary>
    /// Parses <paramref name="yamlText"/> (null, empty or comments only: all defaults).
    /// The result has a policy only when the file has no error at all.
    /// </summary>
    public static PolicyLoadResult Load(string? yamlText, string fileName = DefaultFileName)
    {
        var r = new ConfigNodeReader(fileName);
        var policy = Policy.Default;
        if (r.ParseDocument(yamlText) is { } root)
        {
            policy = PolicyValidator.Validate(r, PolicyRootReader.Read(r, root));
        }
        return r.HasErrors ? new PolicyLoadResult(null, r.Errors) : new PolicyLoadResult(policy, []);
    }
}
