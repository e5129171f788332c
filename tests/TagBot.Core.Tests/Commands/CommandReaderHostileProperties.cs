using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Commands;
using TagBot.Core.Tests.Governance;

namespace TagBot.Core.Tests.Commands;

/// <summary>
/// Hostile comments through the whole reader (parser, catalogue, every family): any text, arguments
/// of any shape, deep nesting, look-alike verbs. It never throws, and each command line gives one
/// command or one refusal, never two and never a crash.
/// </summary>
public class CommandReaderHostileProperties
{
    private static readonly IssueKind[] Kinds = Enum.GetValues<IssueKind>();

    private static readonly (string Verb, IssueKind Kind)[] Placed =
        [.. CommandCatalog.Families.SelectMany(f => f.Verbs.SelectMany(v => f.Where.Select(k => (v, k))))];

    private static readonly Arbitrary<IssueKind> AnyKind = Gen.Elements(Kinds).ToArbitrary();

    // Arguments from pieces that mean something to some family, plus anything at all.
    private static readonly Arbitrary<string> Arguments = Gen.OneOf(
            Gen.Elements("@alice", "@", "@@bob", "@a[bot]", "@-x", "@" + new string('a', 40), "accept", "reject", "help", "status", "EMEA",
                    "emea", "+1", ",", "`code`", "<!--", "@ali\u0441e", "\u00A0", "\t", "\0", "\uD800", "@alice,", "@alice.", "…", "@alice@bob")
                .ArrayOf().Select(words => string.Join(' ', words)),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get.ReplaceLineEndings(" ")))
        .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Reading_any_string_on_any_kind_of_issue_never_throws() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), AnyKind, (body, kind) => CommandReader.Read(body.Get, kind) is not null);

    [Property(MaxTest = 500)]
    public Property Each_command_line_gives_exactly_one_command_whatever_its_arguments() =>
        Prop.ForAll(Gen.Elements(Placed).ToArbitrary(), Arguments, (placed, arguments) =>
        {
            var line = $"/{placed.Verb} {arguments}";
            var commands = CommandReader.Read(line, placed.Kind);
            return (commands.Count == 1).Label($"{line} on {placed.Kind} → {commands.Count} commands");
        });

    [Property(MaxTest = 200)]
    public Property A_verb_in_any_case_is_the_same_command() =>
        Prop.ForAll(Gen.Elements(Placed).SelectMany(p => LookAlikes.CaseOf(p.Verb).Select(cased => (p.Verb, cased, p.Kind))).ToArbitrary(),
            sample =>
            {
                var lower = CommandReader.Read($"/{sample.Verb} help", sample.Kind).Single();
                var cased = CommandReader.Read($"/{sample.cased} help", sample.Kind).Single();
                return (lower.GetType() == cased.GetType()).Label($"/{sample.cased} → {cased.GetType().Name}");
            });

    [Property(MaxTest = 300)]
    public Property A_verb_with_a_look_alike_letter_is_no_command() =>
        Prop.ForAll(Gen.Elements(Placed).SelectMany(p => LookAlikes.Gen(p.Verb).Select(fake => (fake, p.Kind))).ToArbitrary(),
            sample => (CommandReader.Read($"/{sample.fake} @alice reason", sample.Kind).Count == 0).Label(sample.fake));

    [Property(MaxTest = 200)]
    public Property Deep_nesting_never_throws_and_never_makes_a_nested_line_a_command() =>
        Prop.ForAll(
            Gen.OneOf(Gen.Choose(1, 40), Gen.Choose(41, 3000)).ToArbitrary(),
            Gen.Elements(("> ", 1), ("- ", 2), ("* ", 2), ("1. ", 2), ("  - ", 2), ("> - ", 3), ("<div>\n", 0)).ToArbitrary(),
            (depth, nesting) =>
            {
                var (container, levels) = nesting; // Markdown levels per repeat: a list and its item are two
                var body = string.Concat(Enumerable.Repeat(container, depth)) + "/support\n\n/triage";
                var commands = CommandReader.Read(body, IssueKind.Proposal);

                // The nested /support is never a command. The /triage after the blank line is, unless the
                // nesting is deeper than Markdown parsing allows (128 levels): then the comment has none.
                return (commands.All(c => c is TriageCommand) && (depth * levels >= 128 || commands.Count == 1))
                    .Label($"{depth} × '{container.ReplaceLineEndings("\\n")}' → {string.Join(", ", commands.Select(c => c.GetType().Name))}");
            });

    [Fact]
    public void A_megabyte_of_commands_is_read_line_by_line()
    {
        var body = string.Concat(Enumerable.Repeat("/support\n/object because\n/frobnicate\nprose\n", 30_000));

        var commands = CommandReader.Read(body, IssueKind.Proposal);

        Assert.Equal(60_000, commands.Count);
    }
}
