using TagBot.Core.Status;
using TagBot.Core.Yaml;

namespace TagBot.Cli;

/// <summary>
/// Checks that the scenario's times make a story: comments after the issue, commits in the order
/// they are listed (their ids follow it, as a branch's history does), <c>now</c> after all of them.
/// A commit may land before the issue is opened: the election then freezes it.
/// </summary>
internal static class ScenarioTimeline
{
    public static void Check(
        ScenarioIssue issue, IReadOnlyList<ScenarioComment> comments, IReadOnlyList<ScenarioCommit> commits, ConfigNode? nowNode, DateTimeOffset? now, ConfigNodeReader reader)
    {
        foreach (var (comment, index) in comments.Select((comment, index) => (comment, index)))
        {
            if (comment.At < issue.Created)
            {
                reader.Report(new YamlDotNet.Core.Mark(0, comment.Line, 1), $"comments[{index}].at",
                    $"{Stamp(comment.At)} is before the issue was created ({Stamp(issue.Created)})");
            }
        }

        foreach (var (commit, previous) in commits.Zip(commits.Skip(1)).Select(p => (p.Second, p.First)))
        {
            if (commit.At < previous.At)
            {
                reader.Report(new YamlDotNet.Core.Mark(0, commit.Line, 1), $"commits[{commit.Number - 1}].at",
                    $"{Stamp(commit.At)} is before the commit listed above it ({Stamp(previous.At)}); list commits in the order they land");
            }
        }

        var last = comments.Select(c => c.At).Concat(commits.Select(c => c.At)).Append(issue.Created).Max();
        if (now is { } at && at < last && nowNode is { } node)
        {
            reader.Report(node, $"{Stamp(at)} is before the last event ({Stamp(last)}); leave `now` out to look one minute after it");
        }
    }

    private static string Stamp(DateTimeOffset at) => Dates.Moment(at);
}
