using TagBot.Core.Files;
using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// Applies a <see cref="RosterChange"/> to the text of a roster file, in the format the policy
/// names, editing it in place: every line outside the entries the change concerns stays byte-identical
/// (comments, key order, blank lines, quoting, CRLF line breaks, a missing final line break).
/// </summary>
/// <remarks>
/// The file is read first and its errors, if any, are returned: TagBot does not edit a roster it cannot read.
/// Operations already in effect are skipped (a seat held with the same term, a reseat to the same term, a
/// retirement already in <c>emeritus</c>), so applying a change to its own result changes nothing. The change
/// is applied whole or not at all.
/// </remarks>
public static class RosterEditor
{
    /// <param name="settings">The policy's <c>roster:</c> settings: the format, the file's path (for errors) and, for
    /// <c>cncf-toc</c>, the entry to edit.</param>
    /// <param name="rosterText">The file's current text.</param>
    /// <param name="change">The operations to apply, in order.</param>
    public static RosterEditResult Apply(RosterSettings settings, string rosterText, RosterChange change)
    {
        var (bom, text) = ByteOrderMark.Split(rosterText);
        RosterEditResult result;
        try
        {
            result = ApplyInFormat(settings, text, change);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A layout no editor foresaw must refuse the edit, not stop the election on every pass.
            return RosterEditResult.Failure([new ConfigError(settings.Path, 1, 1, ConfigError.FileKey,
                $"TagBot could not edit this file ({e.GetType().Name}: {e.Message}); edit it by hand, or report this as a bug")]);
        }

        if (result.Text is not { } edited)
        {
            return result;
        }

        // Never write a file TagBot itself could not read back.
        if (Problem(settings, edited) is { } problem)
        {
            return RosterEditResult.Failure([problem with { Message = "the edit would leave the file unreadable, so TagBot did not make it: " + problem.Message }]);
        }

        return RosterEditResult.Success(ByteOrderMark.Restore(bom, edited));
    }

    private static RosterEditResult ApplyInFormat(RosterSettings settings, string rosterText, RosterChange change) => settings.Format switch
    {
        RosterFormat.Tagbot => TagbotRosterEditor.Apply(rosterText, settings.Path, change),
        RosterFormat.CncfToc => CncfTocEditor.Apply(rosterText, settings.Path, settings.Entry
            ?? throw new ArgumentException("roster.entry is required with the cncf-toc format (the policy loader checks it).", nameof(settings)), change),
        RosterFormat.MarkdownTable => MarkdownTableEditor.Apply(rosterText, settings.Path, change),
        RosterFormat.K8sSigs => K8sSigsEditor.Apply(rosterText, settings.Path, settings.Entry
            ?? throw new ArgumentException("roster.entry is required with the k8s-sigs format (the policy loader checks it).", nameof(settings)), change),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Format, "Unknown roster format."),
    };

    /// <summary>The first error reading <paramref name="text"/> back in the format, or null when it reads.</summary>
    private static ConfigError? Problem(RosterSettings settings, string text) => settings.Format switch
    {
        RosterFormat.Tagbot => First(RosterReader.Read(text, settings.Path).Errors),
        RosterFormat.CncfToc => First(CncfTocReader.Read(text, settings.Path, settings.Entry!).Errors),
        RosterFormat.K8sSigs => First(K8sSigsReader.Read(text, settings.Path, settings.Entry!).Errors),
        _ => null,
    };

    private static ConfigError? First(IReadOnlyList<ConfigError> errors) => errors.Count > 0 ? errors[0] : null;
}
