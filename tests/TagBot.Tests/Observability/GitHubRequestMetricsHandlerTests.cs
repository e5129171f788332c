using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TagBot.Configuration;
using TagBot.GitHub;
using TagBot.Observability;

namespace TagBot.Tests.Observability;

/// <summary>The GitHub request counter and rate-limit gauge, on a GitHub Enterprise-style base path.</summary>
public sealed class GitHubRequestMetricsHandlerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, string?> Tags)> _measurements = [];
    private readonly HttpClient _client;
    private Func<HttpRequestMessage, HttpResponseMessage> _github = _ => new HttpResponseMessage(HttpStatusCode.OK);

    public GitHubRequestMetricsHandlerTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        var metrics = new TagBotMetrics(factory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));
            }
        });
        _listener.Start();
        var options = Options.Create(new GitHubOptions { ApiBaseUrl = new Uri("https://ghe.example.org/api/v3/") });
        _client = new HttpClient(new GitHubRequestMetricsHandler(metrics, options) { InnerHandler = new Stub(this) })
        {
            BaseAddress = options.Value.ApiBaseUrl,
        };
    }

    public void Dispose()
    {
        _client.Dispose();
        _listener.Dispose();
        _services.Dispose();
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, int? remaining)
    {
        var response = new HttpResponseMessage(status);
        if (remaining is { } r)
        {
            response.Headers.Add("X-RateLimit-Remaining", r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Resource", "core");
        }

        return response;
    }

    private List<(long Value, Dictionary<string, string?> Tags)> Observe(string instrument)
    {
        lock (_measurements)
        {
            _measurements.RemoveAll(m => m.Instrument == instrument);
        }

        _listener.RecordObservableInstruments();
        lock (_measurements)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags))];
        }
    }

    private long Requests(string method, string status)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == "tagbot_github_requests" && m.Tags["method"] == method && m.Tags["status"] == status).Sum(m => m.Value);
        }
    }

    [Fact]
    public async Task Requests_are_counted_by_method_and_status_and_unanswered_ones_as_error()
    {
        _github = request => Answer(request.Method == HttpMethod.Get ? HttpStatusCode.OK : HttpStatusCode.NotFound, remaining: null);
        (await _client.GetAsync(new Uri("repos/o/r/issues/1", UriKind.Relative))).Dispose();
        (await _client.GetAsync(new Uri("repos/o/r/issues/2", UriKind.Relative))).Dispose();
        (await _client.PostAsync(new Uri("repos/o/r/issues/1/comments", UriKind.Relative), new StringContent("{}"))).Dispose();
        _github = _ => throw new HttpRequestException("connection refused");
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.DeleteAsync(new Uri("repos/o/r/issues/1/labels/x", UriKind.Relative)));

        Assert.Equal(2, Requests("GET", "200"));
        Assert.Equal(1, Requests("POST", "404"));
        Assert.Equal(1, Requests("DELETE", "error"));
    }

    [Fact]
    public async Task The_remaining_limit_is_kept_per_installation_and_for_the_app_itself()
    {
        _github = request => Answer(HttpStatusCode.OK, request.RequestUri!.AbsolutePath.EndsWith("/access_tokens", StringComparison.Ordinal) ? 4990 : 1234);
        using (GitHubInstallationScope.Enter(42))
        {
            // The installation token is fetched with the App's JWT, inside the installation's work.
            (await _client.PostAsync(new Uri("app/installations/42/access_tokens", UriKind.Relative), null)).Dispose();
            // A repository named "app" is still the installation's.
            (await _client.GetAsync(new Uri("repos/o/app", UriKind.Relative))).Dispose();
        }

        _github = _ => Answer(HttpStatusCode.OK, 77);
        // Outside any installation's work (the sweep listing repositories): no series is guessed.
        (await _client.GetAsync(new Uri("installation/repositories", UriKind.Relative))).Dispose();

        var gauge = Observe("tagbot_github_rate_limit_remaining").ToDictionary(m => m.Tags["installation"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, long> { ["app"] = 4990, ["42"] = 1234 }, gauge);
        Assert.Null(GitHubInstallationScope.Current);
    }

    private sealed class Stub(GitHubRequestMetricsHandlerTests test) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(test._github(request));
    }
}
