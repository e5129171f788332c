using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace TagBot.Tests.Harness;

/// <summary>Posts deliveries to the real webhook endpoint, signed exactly as GitHub signs them.</summary>
public sealed class WebhookSender(HttpClient client, string secret)
{
    public const string Path = "/api/github/webhooks";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public Task<HttpResponseMessage> PostAsync(string eventName, string payload, string? deliveryId = null) =>
        PostRawAsync(eventName, Encoding.UTF8.GetBytes(payload), deliveryId ?? Guid.NewGuid().ToString(), sign: true);

    public async Task<HttpResponseMessage> PostRawAsync(
        string eventName, byte[] body, string deliveryId, bool sign = true, string? signature = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        request.Headers.Add("User-Agent", "GitHub-Hookshot/test");
        if (sign || signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature ?? Sign(secret, body));
        }

        return await client.SendAsync(request);
    }
}
