using FsCheck;
using FsCheck.Fluent;

namespace TagBot.Core.Tests.Governance;

/// <summary>
/// Logins that look like another one: letters swapped for Cyrillic, Greek, fullwidth or other
/// look-alikes, hyphens for dashes, invisible characters slipped in. GitHub logins are ASCII, so
/// none of these is the person it imitates.
/// </summary>
public static class LookAlikes
{
    private static readonly Dictionary<char, string[]> Confusables = new()
    {
        ['a'] = ["\u0430", "\u0251", "\u03B1", "\uFF41"],
        ['c'] = ["\u0441", "\u03F2", "\uFF43", "\u217D"],
        ['d'] = ["\u0501", "\uFF44", "\u217E"],
        ['e'] = ["\u0435", "\u0454", "\uFF45"],
        ['h'] = ["\u04BB", "\uFF48"],
        ['i'] = ["\u0456", "\u0131", "\u03B9", "\uFF49", "\u2170"],
        ['k'] = ["\u03BA", "\u212A", "\uFF4B"],
        ['l'] = ["\u04CF", "\u217C", "\uFF4C", "\u0399"],
        ['m'] = ["\uFF4D", "\u217F"],
        ['o'] = ["\u043E", "\u03BF", "\uFF4F", "\u0D20"],
        ['p'] = ["\u0440", "\u03C1", "\uFF50"],
        ['r'] = ["\u0433", "\uFF52"],
        ['s'] = ["\u0455", "\u017F", "\uFF53"],
        ['t'] = ["\u0442", "\uFF54"],
        ['x'] = ["\u0445", "\u03C7", "\uFF58"],
        ['y'] = ["\u0443", "\uFF59"],
        ['-'] = ["\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\uFE63", "\uFF0D"],
    };

    private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u0301", "\u0307"];

    /// <summary>Some hand-picked ones, for tests that read as examples.</summary>
    public static IEnumerable<string> Of(string login)
    {
        for (var i = 0; i < login.Length; i++)
        {
            if (Confusables.TryGetValue(char.ToLowerInvariant(login[i]), out var swaps))
            {
                yield return login[..i] + swaps[0] + login[(i + 1)..];
            }
        }

        yield return login + Invisible[0];
        yield return login[..1] + Invisible[2] + login[1..];
        yield return login + "\u0301";
        yield return login.ToUpperInvariant().Replace('I', '\u0130');
    }

    /// <summary>One to three look-alike changes to <paramref name="login"/>.</summary>
    public static Gen<string> Gen(string login) =>
        FsCheck.Fluent.Gen.Choose(1, 3).SelectMany(n => Change(login).SelectMany(first => Times(first, n - 1)));

    /// <summary>The same login with each ASCII letter's case chosen at random.</summary>
    public static Gen<string> CaseOf(string login) =>
        FsCheck.Fluent.Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), login.Length)
            .Select(upper => string.Concat(login.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))));

    private static Gen<string> Times(string login, int n) =>
        n <= 0 ? FsCheck.Fluent.Gen.Constant(login) : Change(login).SelectMany(next => Times(next, n - 1));

    private static Gen<string> Change(string login)
    {
        var swappable = Enumerable.Range(0, login.Length).Where(i => Confusables.ContainsKey(char.ToLowerInvariant(login[i]))).ToArray();
        var swap = FsCheck.Fluent.Gen.Elements(swappable)
            .SelectMany(i => FsCheck.Fluent.Gen.Elements(Confusables[char.ToLowerInvariant(login[i])]).Select(s => login[..i] + s + login[(i + 1)..]));
        var insert = FsCheck.Fluent.Gen.Choose(0, login.Length)
            .SelectMany(i => FsCheck.Fluent.Gen.Elements(Invisible).Select(s => login[..i] + s + login[i..]));
        return swappable.Length == 0 ? insert : FsCheck.Fluent.Gen.OneOf(swap, swap, insert);
    }
}
