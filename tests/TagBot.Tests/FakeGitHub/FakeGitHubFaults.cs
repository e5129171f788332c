namespace TagBot.Tests.FakeGitHub;

/// <summary>What a fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Answer with <see cref="Fault.StatusCode"/> and GitHub's error JSON.</summary>
    Status,

    /// <summary>403 "You have exceeded a secondary rate limit" with Retry-After.</summary>
    SecondaryRateLimit,

    /// <summary>429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>403 "API rate limit exceeded for installation ID n." with X-RateLimit-Remaining: 0.</summary>
    PrimaryRateLimit,

    /// <summary>Wait <see cref="Fault.Duration"/>, then serve the request normally.</summary>
    Delay,

    /// <summary>Drop the connection without an answer (HttpContext.Abort()).</summary>
    Abort,
}

/// <summary>A fault to inject. Build one with the static factories.</summary>
public sealed record Fault(
    FaultKind Kind,
    int StatusCode = 0,
    string? Message = null,
    int RetryAfterSeconds = 0,
    TimeSpan Duration = default,
    DateTimeOffset? ResetAt = null)
{
    /// <summary>Answer with this status (500, 502, 503, ...) and GitHub's error JSON.</summary>
    public static Fault Status(int statusCode, string? message = null) => new(FaultKind.Status, statusCode, message);

    /// <summary>403 secondary rate limit with <c>Retry-After: retryAfterSeconds</c>.</summary>
    public static Fault SecondaryRateLimit(int retryAfterSeconds = 60) =>
        new(FaultKind.SecondaryRateLimit, 403, RetryAfterSeconds: retryAfterSeconds);

    /// <summary>429 Too Many Requests with <c>Retry-After: retryAfterSeconds</c>.</summary>
    public static Fault TooManyRequests(int retryAfterSeconds = 1) =>
        new(FaultKind.TooManyRequests, 429, RetryAfterSeconds: retryAfterSeconds);

    /// <summary>403 primary rate limit exhaustion; X-RateLimit-Reset is <paramref name="resetAt"/> (default: the fake's now + 1 hour).</summary>
    public static Fault PrimaryRateLimit(DateTimeOffset? resetAt = null) =>
        new(FaultKind.PrimaryRateLimit, 403, ResetAt: resetAt);

    /// <summary>Delay the answer, then serve the request normally.</summary>
    public static Fault Delay(TimeSpan duration) => new(FaultKind.Delay, Duration: duration);

    /// <summary>Abort the connection: the client sees a transport error, no HTTP answer.</summary>
    public static Fault Abort() => new(FaultKind.Abort);

    public override string ToString() => Kind switch
    {
        FaultKind.Status => $"status {StatusCode}",
        FaultKind.Delay => $"delay {Duration.TotalMilliseconds}ms",
        _ => Kind.ToString(),
    };
}

/// <summary>A queued fault: applies to the next <see cref="Times"/> matching requests, then is consumed.</summary>
public sealed class FaultRule
{
    private readonly Lock _gate;
    private int _applied;

    internal FaultRule(Lock gate, string? method, string pathPrefix, Fault fault, int times)
    {
        _gate = gate;
        Method = method;
        PathPrefix = pathPrefix;
        Fault = fault;
        Times = times;
    }

    /// <summary>HTTP method to match, or null for any.</summary>
    public string? Method { get; }

    /// <summary>Prefix of the request path relative to BaseUrl (no leading slash), matched against the decoded and the raw (escaped) path.</summary>
    public string PathPrefix { get; }

    public Fault Fault { get; }

    public int Times { get; }

    /// <summary>How many requests this rule has faulted so far.</summary>
    public int Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied;
            }
        }
    }

    public int Remaining => Times - Applied;

    public bool IsConsumed => Remaining <= 0;

    internal bool Matches(string method, string path, string rawPath) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (path.StartsWith(PathPrefix, StringComparison.Ordinal) || rawPath.StartsWith(PathPrefix, StringComparison.Ordinal));

    internal void MarkApplied() => _applied++;

    internal int AppliedUnsafe => _applied;

    public override string ToString() => $"{Method ?? "*"} {PathPrefix}: {Fault} ({Applied}/{Times})";
}

/// <summary>
/// Fault injection: tests enqueue rules; each request takes the first unconsumed rule whose
/// method and path prefix match. Rules apply in the order they were added.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    /// <summary>
    /// Added to every answer before it is served (and before any fault rule): a round-trip time like the
    /// internet's, to measure how many round trips one after another a piece of work takes. Zero: none.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Fault the next <paramref name="times"/> requests whose method is <paramref name="method"/>
    /// (null or "*" for any) and whose path relative to BaseUrl, decoded or raw, starts with <paramref name="pathPrefix"/>.
    /// </summary>
    public FaultRule Add(string? method, string pathPrefix, Fault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var rule = new FaultRule(_gate, method is null or "*" ? null : method, pathPrefix.TrimStart('/'), fault, times);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Rules not yet consumed.</summary>
    public IReadOnlyList<FaultRule> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Takes one application of the first matching rule, removing it once used up.</summary>
    internal Fault? Take(string method, string path, string rawPath)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (!rule.Matches(method, path, rawPath))
                {
                    continue;
                }

                rule.MarkApplied();
                if (rule.AppliedUnsafe >= rule.Times)
                {
                    _rules.RemoveAt(i);
                }

                return rule.Fault;
            }

            return null;
        }
    }
}

/// <summary>Every request the fake answered, in arrival order.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Reads as fake.Requests; a log, not a general-purpose collection.")]
public sealed class RequestLog : IReadOnlyCollection<RecordedRequest>
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _entries = [];
    private long _sequence;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A copy of the log.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>Requests with this method (null for any) whose raw path starts with <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<RecordedRequest> Matching(string? method, string pathPrefix) =>
        [.. Snapshot().Where(r => (method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
                                  && r.Path.StartsWith(pathPrefix.TrimStart('/'), StringComparison.Ordinal))];

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    public IEnumerator<RecordedRequest> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(string method, string pathAndQuery, int status, bool conditional, bool notModified, string? body, string? fault, DateTimeOffset at, long arrived)
    {
        var answered = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _entries.Add(new RecordedRequest(++_sequence, method, pathAndQuery, status, conditional, notModified, body, fault, at)
            {
                Arrived = arrived == 0 ? answered : arrived,
                Answered = answered,
            });
        }
    }

    /// <summary>
    /// The longest chain of requests in <paramref name="requests"/> each of which arrived after the one before was
    /// answered: how many round trips the work took one after another, however many ran alongside.
    /// </summary>
    public static int SequentialRoundTrips(IEnumerable<RecordedRequest> requests)
    {
        var byAnswer = requests.OrderBy(r => r.Answered).ToList();
        var chain = new int[byAnswer.Count];
        for (var i = 0; i < byAnswer.Count; i++)
        {
            chain[i] = 1;
            for (var j = 0; j < i; j++)
            {
                if (byAnswer[j].Answered <= byAnswer[i].Arrived)
                {
                    chain[i] = Math.Max(chain[i], chain[j] + 1);
                }
            }
        }

        return chain.Length == 0 ? 0 : chain.Max();
    }
}
