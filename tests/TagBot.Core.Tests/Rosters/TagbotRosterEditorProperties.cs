namespace TagBot.Core.Tests.Rosters;

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

public class TagbotRosterEditorProperties
{
    private static readonly string[] RoleIds = ["chair", "tech_lead", "member", "maintainer"];
    private static readonly Term Served = new(new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1));
    private static readonly Term Elected = new(new DateOnly(2026, 3, 1), new DateOnly(2028, 3, 1));

    /// <summary>How a role is written: absent, <c>role: []</c>, <c>role:</c> with nothing, or a list of holders.</summary>
    private enum Layout
    {
        Absent,
        EmptyFlow,
        Null,
        List,
    }

    private sealed record HolderSpec(int Login, bool Block, bool Quoted, bool CommentBefore);

    private sealed record RoleSpec(Layout Layout, HolderSpec[] Holders, bool Comment, bool BlankAfter);

    private sealed record Case(RoleSpec[] Roles, (int Role, int Login)[] Seats, bool Crlf, bool FinalNewline)
    {
        public override string ToString() => Text;

        public string Text
        {
            get
            {
                var text = new StringBuilder("# generated roster\npeople:\n  - { github: user-0, region: EMEA }\n\nroles:\n");
                foreach (var (role, spec) in RoleIds.Zip(Roles))
                {
                    var comment = spec.Comment ? "   # " + role : "";
                    switch (spec.Layout)
                    {
                        case Layout.EmptyFlow:
                            text.Append($"  {role}: []{comment}\n");
                            break;
                        case Layout.Null:
                            text.Append($"  {role}:{comment}\n");
                            break;
                        case Layout.List:
                            text.Append($"  {role}:{comment}\n");
                            foreach (var holder in Distinct(spec.Holders))
                            {
                                text.Append(holder.CommentBefore ? "    # next\n" : "").Append(Item(holder));
                            }
                            break;
                        default:
                            break;
                    }
                    text.Append(spec.BlankAfter && spec.Layout != Layout.Absent ? "\n" : "");
                }
                text.Append("emeritus:\n  - { github: old, role: chair }\n# end\n");
                var written = text.ToString().ReplaceLineEndings(Crlf ? "\r\n" : "\n");
                return FinalNewline ? written : written.TrimEnd('\r', '\n');
            }
        }

        public IEnumerable<string> Holders(int role) =>
            Roles[role].Layout == Layout.List ? Distinct(Roles[role].Holders).Select(h => Login(h.Login)) : [];

        private static IEnumerable<HolderSpec> Distinct(IEnumerable<HolderSpec> holders) => holders.DistinctBy(h => h.Login);

        private static string Item(HolderSpec holder)
        {
            var (start, end) = holder.Quoted ? ("\"2024-01-01\"", "\"2026-01-01\"") : ("2024-01-01", "2026-01-01");
            return holder.Block
                ? $"    - github: {Login(holder.Login)}\n      term:\n        start: {start}\n        end: {end}\n"
                : $"    - {{ github: {Login(holder.Login)}, term: {{ start: {start}, end: {end} }} }}\n";
        }
    }

    private static readonly Gen<bool> Bools = Gen.Elements(true, false);

    private static readonly Gen<HolderSpec> Holders =
        from login in Gen.Choose(0, 7)
        from block in Bools
        from quoted in Bools
        from comment in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        select new HolderSpec(login, block, quoted, comment);

    private static readonly Gen<RoleSpec> Roles =
        from layout in Gen.Elements(Layout.Absent, Layout.EmptyFlow, Layout.Null, Layout.List, Layout.List)
        from holders in Holders.ArrayOf()
        from comment in Bools
        from blank in Bools
        select new RoleSpec(layout, holders, comment, blank);

    private static readonly Arbitrary<Case> Cases = (
        from roles in Roles.ArrayOf(RoleIds.Length)
        from seats in Gen.Zip(Gen.Choose(0, RoleIds.Length - 1), Gen.Choose(0, 11)).ArrayOf()
        from crlf in Bools
        from finalNewline in Bools
        select new Case(roles, seats, crlf, finalNewline)).ToArbitrary();

    private static string Login(int i) => $"user-{i}";

    [Property(MaxTest = 300)]
    public Property Seats_read_back_and_every_other_line_stays_in_order() => Prop.ForAll(Cases, c =>
    {
        var text = c.Text;
        var expected = RoleIds.Select((_, r) => c.Holders(r).ToList()).ToList();
        var operations = new List<RosterOperation>();
        foreach (var (role, login) in c.Seats)
        {
            // Seating a holder again with their own term changes nothing; a new holder is appended.
            var holds = expected[role].Contains(Login(login));
            var served = c.Holders(role).Contains(Login(login));
            operations.Add(new RosterOperation.Seat(RoleIds[role], Login(login), served ? Served : Elected));
            if (!holds)
            {
                expected[role].Add(Login(login));
            }
        }
        var change = new RosterChange(operations);

        var result = RosterEditor.Apply(RosterSettings.Default, text, change);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var roster = RosterReader.Read(result.Text, "roster.yaml").Roster!;
        for (var r = 0; r < RoleIds.Length; r++)
        {
            Assert.Equal(expected[r], roster.HoldersOf(RoleIds[r]).Select(h => h.GitHub.Value));
        }
        Assert.Equal("old", Assert.Single(roster.Emeritus).GitHub);
        var edited = RoleIds.Where((_, r) => expected[r].Count > c.Holders(r).Count()).Select(role => $"  {role}: []").ToList();
        var kept = text.Split('\n').Where(line => !edited.Any(e => line.StartsWith(e, StringComparison.Ordinal)));
        Assert.True(IsSubsequence(kept, result.Text!.Split('\n')), result.Text);
        Assert.Equal(c.FinalNewline, result.Text!.EndsWith('\n'));
        Assert.DoesNotContain(c.Crlf ? "\n" : "\r", c.Crlf ? result.Text.Replace("\r\n", "", StringComparison.Ordinal) : result.Text, StringComparison.Ordinal);
        Assert.Equal(result.Text, RosterEditor.Apply(RosterSettings.Default, result.Text!, change).Text);
    });

    private static bool IsSubsequence(IEnumerable<string> lines, IReadOnlyList<string> within)
    {
        var at = 0;
        foreach (var line in lines)
        {
            while (at < within.Count && within[at] != line)
            {
                at++;
            }
            if (at++ == within.Count)
            {
                return false;
            }
        }
        return true;
    }
}
