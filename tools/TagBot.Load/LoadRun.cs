using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TagBot.Load;

/// <summary>
/// Posts GitHub's own example delivery, rewritten per request (issue, comment id) and signed with
/// the secret, and times each acknowledgement from the client's side, connection reuse included.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadReport> ExecuteAsync(LoadPlan plan, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        var template = Template(plan);
        var bodies = Enumerable.Range(0, plan.Count).Select(i => Encoding.UTF8.GetBytes(Serialize(template, i, plan.Issues))).ToArray();
        // Signed before the clock starts, like the bodies: the generator shares the CPU with the server it measures.
        var key = Encoding.UTF8.GetBytes(plan.Secret);
        var signatures = bodies.Select(body => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body))).ToArray();
        var eventName = Environment.GetEnvironmentVariable("LOAD_EVENT") ?? "issue_comment";
        var latencies = new double[plan.Count];
        var failures = 0;
        var runId = Guid.NewGuid().ToString("N")[..8];
        var started = Stopwatch.StartNew();
        var tasks = new List<Task>();

        var next = -1;
        for (var i = 0; plan.RatePerSecond <= 0 && i < plan.Concurrency; i++)
        {
            tasks.Add(Task.Run(async () =>
            {
                for (var index = Interlocked.Increment(ref next); index < plan.Count; index = Interlocked.Increment(ref next))
                {
                    await SendAsync(index);
                }
            }, cancellationToken));
        }

        for (var i = 0; plan.RatePerSecond > 0 && i < plan.Count; i++)
        {
            var index = i;
            var due = TimeSpan.FromSeconds((double)i / plan.RatePerSecond);
            var wait = due - started.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            // Started inline, not through Task.Run: one thread-pool hop less per request in the generator.
            tasks.Add(SendAsync(index));
        }

        await Task.WhenAll(tasks);
        return LoadReport.From(latencies, failures, started.Elapsed);

        async Task SendAsync(int i)
        {
            var body = bodies[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, plan.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-GitHub-Event", eventName);
            request.Headers.Add("X-GitHub-Delivery", $"load-{runId}-{i}");
            request.Headers.Add("X-Hub-Signature-256", signatures[i]);
            var timer = Stopwatch.StartNew();
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                latencies[i] = timer.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (HttpRequestException)
            {
                latencies[i] = timer.Elapsed.TotalMilliseconds;
                Interlocked.Increment(ref failures);
            }
        }
    }

    private static string Serialize(JsonObject template, int i, int issues)
    {
        template["issue"]!["number"] = 1 + (i % issues);
        template["comment"]!["id"] = 10_000_000 + i;
        return template.ToJsonString();
    }

    private static JsonObject Template(LoadPlan plan)
    {
        using var stream = typeof(LoadRun).Assembly.GetManifestResourceStream("issue_comment.created.json")!;
        var payload = JsonNode.Parse(stream)!.AsObject();
        payload["repository"]!["full_name"] = plan.Repository;
        payload["installation"] = new JsonObject { ["id"] = plan.Installation, ["node_id"] = "load" };
        payload["comment"]!["body"] = "/support";
        return payload;
    }
}
