using TagBot.Inbox;

namespace TagBot.Cli;

/// <summary>
/// The ledger <see cref="Reconcile.GovernanceSources"/> is given by <c>audit</c>: it remembers nothing
/// (an audit has no database), and tells which documents were invalid. The sources look up the last
/// valid version of every file they read and store each valid one, so a document asked for and never
/// stored is one that did not load; the bot would then use a version from its own store, which an
/// audit cannot see.
/// </summary>
internal sealed class AuditLedger : ILedger
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);

    /// <summary>Documents that were read but not valid: <c>policy</c>, <c>roster:PATH</c>.</summary>
    public IReadOnlyList<string> Invalid => [.. _asked.Except(_stored)];

    public Task<IReadOnlySet<string>> KeysAsync(string lane, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

    public Task RecordAsync(string lane, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> GetDocumentAsync(string scope, string name, CancellationToken cancellationToken)
    {
        _asked.Add(name);
        return Task.FromResult<string?>(null);
    }

    public Task SetDocumentAsync(string scope, string name, string text, CancellationToken cancellationToken)
    {
        _stored.Add(name);
        return Task.CompletedTask;
    }
}
