using System.Diagnostics;

namespace TagBot.Core.Policies.Loading;

/// <summary>The keys a section reader accepts: those <see cref="PolicyReference"/> documents for it.</summary>
internal static class SectionKeys
{
    public static IReadOnlyList<string> Of(string section) => PolicyReference.KeysOf(section);

    /// <summary>
    /// For the default arm of a reader's switch: a key the reference documents but the reader does not
    /// read is a bug, and the test that loads every documented key finds it here.
    /// </summary>
    public static UnreachableException Unread(string section, string key) =>
        new($"PolicyReference documents '{(section.Length == 0 ? key : $"{section}.{key}")}', but no reader reads it");
}
