using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TagBot.Tests.Harness;

/// <summary>
/// Every log entry the app's logging lets through (its configured levels and filters apply, as to
/// the console), kept as an exporter could write it: level, category, message, properties, scopes, exception.
/// Register it with <c>services.AddSingleton&lt;ILoggerProvider&gt;(capture)</c>.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Each entry as one line: <c>Level Category: message | key=value … | scope … | exception</c>.</summary>
    public IReadOnlyList<string> Lines => [.. _entries.Select(e => e.Line)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record Entry(LogLevel Level, string Category, string Message, string Line);

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var line = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(message);
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                foreach (var (key, value) in properties)
                {
                    // As a structured exporter would write it: collections element by element.
                    line.Append(" | ").Append(key).Append('=')
                        .Append(value is System.Collections.IEnumerable items and not string ? string.Join(",", items.Cast<object?>()) : value);
                }
            }

            capture._scopes.ForEachScope((scope, text) => text.Append(" | scope ").Append(scope), line);
            if (exception is not null)
            {
                line.Append(" | ").Append(exception);
            }

            capture._entries.Enqueue(new Entry(logLevel, category, message, line.ToString().ReplaceLineEndings(" ⏎ ")));
        }
    }
}
