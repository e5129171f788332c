namespace TagBot.Core.Files;

/// <summary>
/// The UTF-8 byte-order mark that editors on Windows write at the start of a file. GitHub keeps it,
/// so a file's text may start with U+FEFF: TagBot reads the text after it and, when it edits the
/// file, writes it back with the mark it had.
/// </summary>
public static class ByteOrderMark
{
    public const char Character = '\uFEFF';

    /// <summary>Whether the text starts with the mark, and the text without it.</summary>
    public static (bool Had, string Text) Split(string text) =>
        text.Length > 0 && text[0] == Character ? (true, text[1..]) : (false, text);

    /// <summary>The text without a leading mark (null stays null).</summary>
    public static string? Strip(string? text) => text is null ? null : Split(text).Text;

    /// <summary>The text with the mark when <paramref name="had"/> is true.</summary>
    public static string Restore(bool had, string text) => had ? Character + text : text;
}
