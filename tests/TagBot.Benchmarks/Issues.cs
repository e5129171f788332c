using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Benchmarks;

/// <summary>Large, realistic issues built once per benchmark: many voters, commands mixed with discussion.</summary>
public static class Issues
{
    public static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static Roster Roster(int members)
    {
        var text = new System.Text.StringBuilder("people:\n");
        string[] regions = ["APAC", "EMEA", "Americas"];
        for (var i = 0; i < members; i++)
        {
            text.Append("  - { github: member-").Append(i).Append(", company: Company").Append(i % 40).Append(", region: ").Append(regions[i % 3]).Append(" }\n");
        }

        text.Append("roles:\n  chair:\n    - { github: member-0, term: { start: 2025-01-01, end: 2027-01-01 } }\n  member:\n");
        for (var i = 0; i < members; i++)
        {
            text.Append("    - { github: member-").Append(i).Append(" }\n");
        }

        return RosterReader.Read(text.ToString(), "roster.yaml").Roster!;
    }

    public static DecisionInput Proposal(int comments, Roster roster) => Input(comments, roster, "proposal", i => (i % 7) switch
    {
        0 => "/support",
        1 => "/object the terms are too long\nand here is why, at some length.",
        2 => "/withdraw",
        _ => "I think we should discuss this further; see the notes from the last meeting. " + new string('x', 200),
    });

    public static DecisionInput Election(int comments, Roster roster) => Input(comments, roster, "nomination", i => i switch
    {
        < 60 => "/nominate",
        _ => (i % 5) switch
        {
            0 => $"/support @member-{i % 60} @member-{(i + 7) % 60}",
            1 => $"/object @member-{i % 60} not enough time in the group",
            _ => "Thanks for standing! " + new string('y', 150),
        },
    });

    private static DecisionInput Input(int comments, Roster roster, string label, Func<int, string> body)
    {
        var list = Enumerable.Range(0, comments)
            .Select(i => new IssueComment(1000 + i, $"member-{i % 500}", false, body(i), Opened.AddMinutes(i), $"https://github.com/o/r/issues/1#issuecomment-{1000 + i}"))
            .ToList();
        var issue = new IssueSnapshot("o/r", 1, "Benchmark", "member-0", Opened, true, [label], list, "https://github.com/o/r/issues/1");
        return new DecisionInput(Policy.Default, roster, issue, Opened.AddDays(30), []);
    }
}
