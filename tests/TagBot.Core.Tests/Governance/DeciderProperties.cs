using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Commands;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Status;
using TagBot.Core.Tests.Elections;

namespace TagBot.Core.Tests.Governance;

/// <summary>
/// Random comment streams, by anyone (roster people in any case, look-alikes, outsiders, bots), on
/// any kind of issue, through <see cref="IssueDecider.Decide"/>: it never throws, and it is never
/// silent — every person's comment holding a command gets a reaction, a refusal always comes with
/// the reply that explains it, and comments without commands, and bots' comments, get nothing.
/// </summary>
public class DeciderProperties
{
    private static readonly Roster Roster = ElectionScenario.ReadRoster(ElectionScenario.RosterYaml);

    private static readonly string[] People =
    [
        "chair-carla", "lead-lee", "lead-eve", "lead-ema", "member-mia", "member-amy", "member-max", "member-kai", "random-rita",
    ];

    private static readonly string[] Lines =
    [
        .. CommandCatalog.Families.SelectMany(f => f.Usages).Select(u => u.Example.Replace("@alice", "@member-max", StringComparison.Ordinal)
            .Replace("@bob", "@member-kai", StringComparison.Ordinal)),
        "/nominate", "/nominate @member-amy", "/nominate @lead-ema EMEA", "/nominate @random-rita Mars", "/support @member-amy", "/object",
        "/object @member-max", "/support @", "/nominate @a @b", "/decide maybe", "/break-tie", "/break-tie @member-kai", "/withdraw @nobody",
        "/accept", "/decline", "/close-election", "/frobnicate", "/tagbot", "/tagbot dance", "> /support", "    /close-election", "```\n/triage\n```",
        "<!-- /decide accept -->", "I agree", "/support @member-m\u0430x", "/SUPPORT", "/Close-Election", "", "/support @member-max @member-max",
    ];

    private static readonly Arbitrary<IssueSnapshot> Issues =
        (from labels in Gen.Elements<string[]>(["proposal"], ["nomination"], [], ["proposal", "nomination"])
         from seen in ArbMap.Default.GeneratorFor<bool>()
         from comments in Gen.Zip(Author(), Gen.Choose(1, 3).SelectMany(n => Gen.Elements(Lines).ArrayOf(n))).ArrayOf()
         select Issue(labels, seen, comments.Select(c => (c.Item1, string.Join('\n', c.Item2)))))
        .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Decide_never_throws_and_is_never_silent() =>
        Prop.ForAll(Issues, issue =>
        {
            var desired = IssueDecider.Decide(new DecisionInput(Policy.Default, Roster, issue, ElectionScenario.Opened.AddDays(9), []));
            var kind = issue.HasLabel("nomination") ? IssueKind.Election : issue.HasLabel("proposal") ? IssueKind.Proposal : IssueKind.Other;
            var problems = new List<string>();
            foreach (var comment in issue.Comments)
            {
                var reactions = desired.Reactions.Where(r => r.CommentId == comment.Id).Select(r => r.Kind).ToList();
                var replies = desired.Replies.Where(r => r.CommentId == comment.Id).ToList();
                var commands = comment.AuthorIsBot ? 0 : CommandReader.Read(comment.Body, kind).Count;
                if (commands > 0 && reactions.Count == 0)
                {
                    problems.Add($"silent on {comment.Author}: {comment.Body}");
                }

                if (commands == 0 && (reactions.Count > 0 || replies.Count > 0))
                {
                    problems.Add($"answered {comment.Author}'s comment without a command: {comment.Body}");
                }

                if (reactions.Contains(ReactionKind.Confused) && replies.Count != 1)
                {
                    problems.Add($"refused {comment.Author} with {replies.Count} replies: {comment.Body}");
                }

                if (replies.Any(r => !r.Body.StartsWith(Markers.Reply(comment.Id), StringComparison.Ordinal)))
                {
                    problems.Add($"a reply without its marker: {comment.Body}");
                }
            }

            return (problems.Count == 0).Label(string.Join("\n", problems));
        });

    private static IssueSnapshot Issue(string[] labels, bool seen, IEnumerable<(string Author, string Body)> comments)
    {
        var list = comments.Select((c, i) => Comment(1000 + i, c.Author, c.Body, i)).ToList();
        if (seen)
        {
            list.Insert(0, Comment(999, "tagbot[bot]", Markers.Status + "\nstatus", -1));
        }

        return new IssueSnapshot("o/r", 7, "Issue", "author-ann", ElectionScenario.Opened, true, labels, list, "https://github.com/o/r/issues/7")
        {
            Body = "Please comment.",
        };
    }

    private static Gen<string> Author() => Gen.OneOf(
        Gen.Elements(People),
        Gen.Elements(People).SelectMany(LookAlikes.CaseOf),
        Gen.Elements(People).SelectMany(LookAlikes.Gen),
        Gen.Elements("tagbot[bot]", "helper[bot]", "dependabot[bot]"));

    private static IssueComment Comment(long id, string author, string body, int order) =>
        new(id, author, author.EndsWith("[bot]", StringComparison.Ordinal), body, ElectionScenario.Opened.AddDays(1).AddMinutes(order),
            $"https://github.com/o/r/issues/7#issuecomment-{id}");
}
