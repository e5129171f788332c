namespace TagBot.Core.Commands;

/// <summary>How command arguments split into the words people type.</summary>
internal static class Words
{
    // Prose punctuation ("@alice, @bob." or "accept,") is never part of a login or a keyword.
    private static readonly char[] TrailingPunctuation = [',', '.', ';', ':', '!', '?'];

    public static string[] Of(string arguments) =>
        arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The first word and the trimmed rest: a nominee and a reason, say.</summary>
    public static (string First, string Remainder) SplitFirst(string arguments)
    {
        var trimmed = arguments.Trim();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        return (trimmed[..end], trimmed[end..].TrimStart());
    }

    public static string WithoutTrailingPunctuation(string word) => word.TrimEnd(TrailingPunctuation);
}
