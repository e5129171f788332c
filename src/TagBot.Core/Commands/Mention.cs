using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TagBot.Core.Commands;

/// <summary>An @mention of a GitHub user in command arguments.</summary>
internal static partial class Mention
{
    // GitHub logins are letters, digits and hyphens, at most 39; GitHub Apps act as name[bot].
    [GeneratedRegex(@"^[A-Za-z0-9-]{1,39}(\[bot\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Login();

    public static bool IsMention(string word) => word.StartsWith('@');

    /// <summary>
    /// Reads a word that must mention someone. The login keeps the author's case: logins are
    /// compared case-insensitively where they are used.
    /// </summary>
    public static bool TryRead(
        string word,
        [NotNullWhen(true)] out string? login,
        [NotNullWhen(false)] out string? problem)
    {
        var bare = Words.WithoutTrailingPunctuation(word);
        if (IsMention(bare) && Login().IsMatch(bare[1..]))
        {
            (login, problem) = (bare[1..], null);
            return true;
        }

        login = null;
        problem = IsMention(bare)
            ? $"`{word}` is not a valid GitHub login: logins have only letters, digits and hyphens, at most 39 of them."
            : Login().IsMatch(bare)
                ? $"`{word}` is not a mention: write `@{bare}`."
                : $"`{word}` is not an @mention of a GitHub user.";
        return false;
    }

    /// <summary>
    /// Reads the arguments of a command about exactly one nominee, described by
    /// <paramref name="whom"/> ("who takes the tied seat"). Text after the mention is a remark,
    /// but a second mention is refused: it would otherwise be silently ignored.
    /// </summary>
    public static bool TryReadOne(
        string arguments,
        string whom,
        [NotNullWhen(true)] out string? login,
        [NotNullWhen(false)] out string? problem)
    {
        var (first, remark) = Words.SplitFirst(arguments);
        if (first.Length == 0)
        {
            (login, problem) = (null, $"Name the nominee {whom}.");
            return false;
        }

        if (!TryRead(first, out login, out problem) || !Words.Of(remark).Any(IsMention))
        {
            return login is not null;
        }

        (login, problem) = (null, $"Name one nominee only: the one {whom}.");
        return false;
    }
}
