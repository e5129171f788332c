using TagBot.Core.Status;
using TagBot.Core.Yaml;

namespace TagBot.Cli;

/// <summary>Checks that the scenario's times make a story: comments after the issue, <c>now</c> after both.</summary>
internal static class ScenarioTimeline
{
    public static void Check(ScenarioIssue issue, IReadOnlyList<ScenarioComment> comments, ConfigNode? nowNode, DateTimeOffset? now, ConfigNodeReader reader)
    {
        foreach (var (comment, index) in comments.Select((comment, index) => (comment, index)))
        {
            if (comment.At < issue.Created)
            {
                reader.Report(new YamlDotNet.Core.Mark(0, comment.Line, 1), $"comments[{index}].at",
                    $"{Stamp(comment.At)} is before the issue was created ({Stamp(issue.Created)})");
            }
        }

        var last = comments.Select(c => c.At).Append(issue.Created).Max();
        if (now is { } at && at < last && nowNode is { } node)
        {
            reader.Report(node, $"{Stamp(at)} is before the last event ({Stamp(last)}); leave `now` out to look one minute after it");
        }
    }

    private static string Stamp(DateTimeOffset at) => Dates.Moment(at);
}
