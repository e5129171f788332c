namespace TagBot.Inbox;

/// <summary>
/// Remembers what GitHub state cannot show cheaply or what must happen once: reactions given and
/// one-shot commands applied (keys per lane), and the last valid policy and roster (documents).
/// </summary>
public interface ILedger
{
    Task<IReadOnlySet<string>> KeysAsync(string lane, CancellationToken cancellationToken);

    Task RecordAsync(string lane, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task<string?> GetDocumentAsync(string scope, string name, CancellationToken cancellationToken);

    Task SetDocumentAsync(string scope, string name, string text, CancellationToken cancellationToken);
}
