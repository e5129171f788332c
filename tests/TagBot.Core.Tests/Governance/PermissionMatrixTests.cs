using System.Text.RegularExpressions;
using TagBot.Core.Commands;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Tests.Elections;

namespace TagBot.Core.Tests.Governance;

/// <summary>
/// Who may do what, as a table: every usage of every command in <see cref="CommandCatalog"/>, written
/// as its help example, by every kind of person, on every kind of issue, with the default policy.
/// Each cell is what <see cref="IssueDecider.Decide"/> makes of that one comment:
/// <list type="bullet">
/// <item><c>A</c> applied: 👍, and no refusal (help answers in a reply);</item>
/// <item><c>R</c> refused: 😕 and one reply that names the author and quotes the command line;</item>
/// <item><c>-</c> ignored: no reaction, no reply (bots always; on an issue TagBot does not govern,
/// everything but <c>/tagbot</c>).</item>
/// </list>
/// </summary>
/// <remarks>
/// The people come from <see cref="ElectionScenario.RosterYaml"/>: the chair <c>chair-carla</c>, the
/// tech lead <c>lead-lee</c>, the member <c>member-mia</c>, the outsider <c>random-rita</c> (no role),
/// the nominee <c>member-amy</c> (a member nominated by someone else, not yet accepted), the issue's
/// author <c>author-ann</c> (no role: opening an issue grants nothing) and the bot <c>helper[bot]</c>.
/// On the election, before the command: <c>member-kai</c> and <c>member-max</c> nominate themselves
/// for APAC, <c>member-kai</c> nominates <c>member-amy</c>, and <c>lead-eve</c> supports both APAC
/// nominees, so closing ties them for APAC's one seat. <c>/break-tie</c> comes after a chair's
/// <c>/close-election</c>, and so does <c>/reopen-election</c>; each <c>/withdraw</c> after its author's own support. Examples name
/// <c>@alice</c> and <c>@bob</c>: they become <c>@member-max</c> and <c>@member-kai</c>, and for
/// <c>/nominate</c> <c>@lead-ema</c>, whose seat is up.
/// </remarks>
public sealed partial class PermissionMatrixTests
{
    public enum Actor
    {
        Chair,
        TechLead,
        Member,
        Outsider,
        Nominee,
        IssueAuthor,
        Bot,
    }

    public enum Kind
    {
        Proposal,
        Election,
        Unlabelled,
    }

    private static readonly Expectation[] Matrix =
    [
        // Columns: chair, tech lead, member, outsider, nominee, issue author, bot.
        Row("/support",                        proposal: "A A A A A A -", election: "R R R R R R -", unlabelled: "- - - - - - -"),
        Row("/support @user...",               proposal: "A A A A A A -", election: "A A A A A A -", unlabelled: "- - - - - - -"),
        Row("/object <reason>",                proposal: "A A A A A A -", election: "R R R R R R -", unlabelled: "- - - - - - -"),
        Row("/object @user <reason>",          proposal: "A A A A A A -", election: "A A A A A A -", unlabelled: "- - - - - - -"),
        Row("/withdraw",                       proposal: "A A A A A A -", election: "R R R R R R -", unlabelled: "- - - - - - -"),
        Row("/withdraw @user",                 proposal: "A A A A A A -", election: "A A A A A A -", unlabelled: "- - - - - - -"),
        Row("/triage",                         proposal: "A A R R R R -", election: "A A R R R R -", unlabelled: "- - - - - - -"),
        Row("/decide accept|reject [reason]",  proposal: "A R R R R R -", election: "R R R R R R -", unlabelled: "- - - - - - -"),
        Row("/nominate [@user] [REGION]",      proposal: "R R R R R R -", election: "A A A A A A -", unlabelled: "- - - - - - -"),
        Row("/accept",                         proposal: "R R R R R R -", election: "R R R R A R -", unlabelled: "- - - - - - -"),
        Row("/decline",                        proposal: "R R R R R R -", election: "R R R R A R -", unlabelled: "- - - - - - -"),
        // Only secret ballots open voting; the matrix's election votes by comments, so everyone is told why.
        Row("/open-voting",                    proposal: "R R R R R R -", election: "R R R R R R -", unlabelled: "- - - - - - -"),
        Row("/close-election",                 proposal: "R R R R R R -", election: "A R R R R R -", unlabelled: "- - - - - - -"),
        Row("/reopen-election <reason>",       proposal: "R R R R R R -", election: "A R R R R R -", unlabelled: "- - - - - - -"),
        Row("/break-tie @user",                proposal: "R R R R R R -", election: "A R R R R R -", unlabelled: "- - - - - - -"),
        Row("/tagbot help",                    proposal: "A A A A A A -", election: "A A A A A A -", unlabelled: "A A A A A A -"),
        Row("/tagbot status",                  proposal: "A A A A A A -", election: "A A A A A A -", unlabelled: "R R R R R R -"),
    ];

    private static readonly Dictionary<Actor, string> Logins = new()
    {
        [Actor.Chair] = "chair-carla",
        [Actor.TechLead] = "lead-lee",
        [Actor.Member] = "member-mia",
        [Actor.Outsider] = "random-rita",
        [Actor.Nominee] = "member-amy",
        [Actor.IssueAuthor] = "author-ann",
        [Actor.Bot] = "helper[bot]",
    };

    private static readonly DateTimeOffset Opened = ElectionScenario.Opened;
    private static readonly Roster Roster = ElectionScenario.ReadRoster(ElectionScenario.RosterYaml);

    public static TheoryData<string, Kind, Actor> Cells()
    {
        var cells = new TheoryData<string, Kind, Actor>();
        foreach (var row in Matrix)
        {
            foreach (var kind in Enum.GetValues<Kind>())
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    cells.Add(row.Syntax, kind, actor);
                }
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_command_by_every_kind_of_person_on_every_kind_of_issue(string syntax, Kind kind, Actor actor)
    {
        var usage = Usage(syntax);
        var line = Example(usage);
        var author = Logins[actor];
        var comments = Prelude(kind, usage, author).ToList();
        var tested = Comment(9000, author, line, comments.Count);
        comments.Add(tested);

        var desired = IssueDecider.Decide(new DecisionInput(Policy.Default, Roster, Issue(kind, comments), Opened.AddDays(10), []));

        var reactions = desired.Reactions.Where(r => r.CommentId == tested.Id).Select(r => r.Kind).ToList();
        var replies = desired.Replies.Where(r => r.CommentId == tested.Id).Select(r => r.Body).ToList();
        var cell = $"`{line}` by {actor} ({author}) on {kind}";
        switch (Matrix.Single(row => row.Syntax == syntax).On(kind)[(int)actor])
        {
            case 'A':
                Assert.True(reactions is [ReactionKind.ThumbsUp], $"{cell}: expected 👍 only, got [{string.Join(", ", reactions)}] {string.Join("\n", replies)}");
                Assert.DoesNotContain(replies, r => r.Contains("I could not apply", StringComparison.Ordinal));
                break;
            case 'R':
                Assert.True(reactions is [ReactionKind.Confused], $"{cell}: expected 😕 only, got [{string.Join(", ", reactions)}]");
                var reply = Assert.Single(replies);
                Assert.Contains($"@{author}, I could not apply", reply, StringComparison.Ordinal);
                Assert.Contains($"`{line}`", reply, StringComparison.Ordinal);
                break;
            default:
                Assert.True(reactions.Count == 0 && replies.Count == 0,
                    $"{cell}: expected no answer, got [{string.Join(", ", reactions)}] {string.Join("\n", replies)}");
                break;
        }
    }

    [Fact]
    public void The_table_has_one_row_per_usage_of_the_catalog()
    {
        var usages = CommandCatalog.Families.SelectMany(f => f.Usages).Select(u => u.Syntax).ToList();

        Assert.Equal(usages, Matrix.Select(row => row.Syntax));
        Assert.All(Matrix, row => Assert.All(Enum.GetValues<Kind>(), kind => Assert.Matches("^[AR-]{7}$", row.On(kind))));
    }

    [Fact]
    public void Help_examples_name_only_the_placeholder_users_the_table_replaces()
    {
        var mentioned = CommandCatalog.Families.SelectMany(f => f.Usages).SelectMany(u => MentionWord().Matches(u.Example).Select(m => m.Value));

        Assert.All(mentioned, mention => Assert.Contains(mention, new[] { "@alice", "@bob" }));
    }

    [Fact]
    public void A_bot_is_ignored_whatever_it_writes_and_whoever_it_mentions()
    {
        foreach (var kind in Enum.GetValues<Kind>())
        {
            var comments = Prelude(kind, Usage("/close-election"), "chair-carla").ToList();
            var everything = string.Join("\n", CommandCatalog.Families.SelectMany(f => f.Usages).Select(Example));
            comments.Add(Comment(9000, "tagbot[bot]", everything, comments.Count));

            var desired = IssueDecider.Decide(new DecisionInput(Policy.Default, Roster, Issue(kind, comments), Opened.AddDays(10), []));

            Assert.DoesNotContain(desired.Reactions, r => r.CommentId == 9000);
            Assert.DoesNotContain(desired.Replies, r => r.CommentId == 9000);
        }
    }

    private static CommandUsage Usage(string syntax) =>
        CommandCatalog.Families.SelectMany(f => f.Usages).Single(u => u.Syntax == syntax);

    private static string Example(CommandUsage usage) =>
        usage.Example
            .Replace("@alice", usage.Verb == "nominate" ? "@lead-ema" : "@member-max", StringComparison.Ordinal)
            .Replace("@bob", "@member-kai", StringComparison.Ordinal);

    /// <summary>What happened on the issue before the comment under test (see the class remarks).</summary>
    private static IEnumerable<IssueComment> Prelude(Kind kind, CommandUsage usage, string author)
    {
        var lines = new List<(string Author, string Body)>();
        if (kind == Kind.Election)
        {
            lines.Add(("member-kai", "/nominate"));
            lines.Add(("member-max", "/nominate"));
            lines.Add(("member-kai", "/nominate @member-amy"));
            lines.Add(("lead-eve", "/support @member-max @member-kai"));
        }

        if (usage.Verb is "break-tie" or "reopen-election")
        {
            lines.Add(("chair-carla", "/close-election"));
        }

        if (usage.Verb == "withdraw")
        {
            lines.Add((author, kind == Kind.Election ? "/support @member-max" : "/support"));
        }

        return lines.Select((line, i) => Comment(8000 + i, line.Author, line.Body, i));
    }

    private static IssueComment Comment(long id, string author, string body, int order) =>
        new(id, author, author.EndsWith("[bot]", StringComparison.Ordinal), body, Opened.AddDays(1).AddHours(order),
            $"https://github.com/o/r/issues/7#issuecomment-{id}");

    private static IssueSnapshot Issue(Kind kind, IReadOnlyList<IssueComment> comments)
    {
        IReadOnlyList<string> labels = kind switch
        {
            Kind.Proposal => ["proposal"],
            Kind.Election => ["nomination"],
            _ => [],
        };
        return new IssueSnapshot("o/r", 7, "An issue", "author-ann", Opened, true, labels, comments, "https://github.com/o/r/issues/7")
        {
            Body = "Please comment.",
        };
    }

    [GeneratedRegex(@"@[A-Za-z0-9-]+")]
    private static partial Regex MentionWord();

    private static Expectation Row(string syntax, string proposal, string election, string unlabelled) =>
        new(syntax, Squeeze(proposal), Squeeze(election), Squeeze(unlabelled));

    private static string Squeeze(string cells) => cells.Replace(" ", "", StringComparison.Ordinal);

    private sealed record Expectation(string Syntax, string Proposal, string Election, string Unlabelled)
    {
        public string On(Kind kind) => kind switch
        {
            Kind.Proposal => Proposal,
            Kind.Election => Election,
            _ => Unlabelled,
        };
    }
}
