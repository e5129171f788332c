using System.Threading.Channels;

namespace TagBot.Inbox.Sql;

/// <summary>
/// Stores deliveries in batches: one writer drains whatever arrived meanwhile and commits it in a
/// single transaction, so N concurrent webhooks cost one fsync instead of N competing for the
/// write lock. Each caller still gets its own answer (stored, or a duplicate) only after the
/// commit — the 2xx is never sent for a row that is not on disk.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<Delivery>, CancellationToken, Task<IReadOnlyList<bool>>> _commit;
    private readonly Lazy<Task> _writer;

    public GroupCommit(Func<IReadOnlyList<Delivery>, CancellationToken, Task<IReadOnlyList<bool>>> commit)
    {
        _commit = commit;
        _writer = new Lazy<Task>(() => Task.Run(WriteAsync));
    }

    public Task<bool> AddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var pending = new Pending(delivery, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        _ = _writer.Value;
        // The caller may stop waiting; the row is still committed (and deduplicated if resent).
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var results = await _commit([.. batch.Select(p => p.Delivery)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Result.TrySetException(e);
                }
            }
        }
    }

    private sealed record Pending(Delivery Delivery, TaskCompletionSource<bool> Result);
}
