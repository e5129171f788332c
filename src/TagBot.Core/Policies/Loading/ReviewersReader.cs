using TagBot.Core.Policies.Rules;
using TagBot.Core.Rosters;
using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary><c>elections.reviewers</c>: logins or <c>org/team</c> slugs; a leading '@' is accepted and dropped.</summary>
internal static class ReviewersReader
{
    public static IReadOnlyList<string> Read(ConfigNodeReader r, List<(string Value, ConfigNode Node)> items)
    {
        var reviewers = new List<string>();
        foreach (var (written, node) in items)
        {
            var reviewer = written.TrimStart('@');
            if (ValueRules.IsReviewer(reviewer))
            {
                reviewers.Add(reviewer);
            }
            else
            {
                r.Report(node, $"'{written}' is neither a GitHub login nor an org/team (e.g. cncf/toc)");
            }
        }
        return [.. reviewers.Distinct(Login.Comparer)];
    }
}
