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
        var latencies = new double[plan.Count];
        var failures = 0;
        var runId = Guid.NewGuid().ToString("N")[..8];
        var started = Stopwatch.StartNew();
        var tasks = new List<Task>();

        for (var i = 0; i < plan.Count; i++)
        {
            var index = i;
            if (plan.RatePerSecond > 0)
            {
                var due = TimeSpan.FromSeconds((double)i / plan.RatePerSecond);
                var wait = due - started.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                tasks.Add(Task.Run(() => SendAsync(index), cancellationToken));
            }
            else
            {
                await SendAsync(index);
            }
        }

        await Task.WhenAll(tasks);
        return LoadReport.From(latencies, failures, started.Elapsed);

        async Task SendAsync(int i)
        {
            var body = bodies[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, plan.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-GitHub-Event", Environment.GetEnvironmentVariable("LOAD_EVENT") ?? "issue_comment");
            request.Headers.Add("X-GitHub-Delivery", $"load-{runId}-{i}");
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(plan.Secret), body)));
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
