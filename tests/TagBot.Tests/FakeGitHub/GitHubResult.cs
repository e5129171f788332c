using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TagBot.Tests.FakeGitHub;

/// <summary>
/// An answer in GitHub's style: JSON (or raw bytes) with a content-derived weak ETag on GETs,
/// and 304 without a body when If-None-Match matches it.
/// </summary>
internal sealed class GitHubResult : IResult
{
    public const string DocumentationUrl = "https://docs.github.com/rest";

    internal const string NotModifiedItem = "fakegh.not-modified";
    internal const string ConditionalItem = "fakegh.conditional";

    private GitHubResult(int status, object? body, byte[]? raw, string? rawContentType)
    {
        Status = status;
        Body = body;
        Raw = raw;
        RawContentType = rawContentType;
    }

    public int Status { get; }

    public object? Body { get; }

    public byte[]? Raw { get; }

    public string? RawContentType { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static GitHubResult Json(object body, int status = 200) => new(status, body, null, null);

    public static GitHubResult Bytes(byte[] raw, string contentType) => new(200, null, raw, contentType);

    public static GitHubResult NoContent() => new(204, null, null, null);

    public static GitHubResult Error(int status, string message, IReadOnlyList<ErrorDetailJson>? errors = null, string documentationUrl = DocumentationUrl) =>
        new(status, new ErrorJson(message, errors, documentationUrl, status.ToString(CultureInfo.InvariantCulture)), null, null);

    public static GitHubResult NotFound() => Error(404, "Not Found");

    public static GitHubResult Validation(string resource, string code, string? field = null, string? message = null) =>
        Error(422, "Validation Failed", [new ErrorDetailJson(resource, code, field, message)]);

    public GitHubResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Status == 204)
        {
            response.StatusCode = 204;
            return;
        }

        byte[] payload;
        string contentType;
        if (Raw is not null)
        {
            payload = Raw;
            contentType = RawContentType ?? "application/octet-stream";
        }
        else
        {
            payload = JsonSerializer.SerializeToUtf8Bytes(Body, Body?.GetType() ?? typeof(object), GitHubJson.Options);
            contentType = "application/json; charset=utf-8";
        }

        if (HttpMethods.IsGet(httpContext.Request.Method) && Status == 200)
        {
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(payload))}\"";
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "private, max-age=60, s-maxage=60";
            var ifNoneMatch = httpContext.Request.Headers.IfNoneMatch.ToString();
            if (ifNoneMatch.Length > 0)
            {
                httpContext.Items[ConditionalItem] = true;
                if (ETagMatches(ifNoneMatch, etag))
                {
                    httpContext.Items[NotModifiedItem] = true;
                    response.StatusCode = 304;
                    return;
                }
            }
        }

        response.StatusCode = Status;
        response.ContentType = contentType;
        response.ContentLength = payload.Length;
        await response.Body.WriteAsync(payload);
    }

    private static bool ETagMatches(string ifNoneMatch, string etag)
    {
        static string Strip(string tag) => tag.Trim().StartsWith("W/", StringComparison.Ordinal) ? tag.Trim()[2..] : tag.Trim();
        var current = Strip(etag);
        return ifNoneMatch.Split(',').Any(candidate => candidate.Trim() == "*" || Strip(candidate) == current);
    }
}

/// <summary>GitHub's page-based pagination: per_page (default 30, max 100), page, and a Link header.</summary>
internal static class Pagination
{
    public static (IReadOnlyList<T> Items, string? Link) Page<T>(HttpContext context, Uri baseUrl, IReadOnlyList<T> all)
    {
        var perPage = ParsePositive(context.Request.Query["per_page"], 30);
        perPage = Math.Min(perPage, 100);
        var page = ParsePositive(context.Request.Query["page"], 1);
        var lastPage = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = all.Skip((page - 1) * perPage).Take(perPage).ToList();

        var links = new List<string>();
        if (page > 1)
        {
            links.Add($"<{PageUrl(context, baseUrl, Math.Min(page - 1, lastPage))}>; rel=\"prev\"");
        }

        if (page < lastPage)
        {
            links.Add($"<{PageUrl(context, baseUrl, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(context, baseUrl, lastPage)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(context, baseUrl, 1)}>; rel=\"first\"");
        }

        return (items, links.Count == 0 ? null : string.Join(", ", links));
    }

    public static GitHubResult Json<T>(HttpContext context, Uri baseUrl, IReadOnlyList<T> all)
        where T : notnull
    {
        var (items, link) = Page(context, baseUrl, all);
        var result = GitHubResult.Json(items);
        if (link is not null)
        {
            result.WithHeader("Link", link);
        }

        return result;
    }

    private static int ParsePositive(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : fallback;

    /// <summary>
    /// The absolute URL of another page: the request's raw path and query with page replaced.
    /// Commas are written as %2C because Octokit splits the Link header on ','.
    /// </summary>
    private static string PageUrl(HttpContext context, Uri baseUrl, int page)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var parts = rawTarget.Split('?', 2);
        var path = parts[0].TrimStart('/');
        var query = new StringBuilder();
        var hasPage = false;
        if (parts.Length == 2)
        {
            foreach (var pair in parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = pair.Split('=', 2)[0];
                query.Append(query.Length == 0 ? "" : "&");
                if (key == "page")
                {
                    query.Append(CultureInfo.InvariantCulture, $"page={page}");
                    hasPage = true;
                }
                else
                {
                    query.Append(pair.Replace(",", "%2C", StringComparison.Ordinal));
                }
            }
        }

        if (!hasPage)
        {
            query.Append(query.Length == 0 ? "" : "&").Append(CultureInfo.InvariantCulture, $"page={page}");
        }

        return $"{baseUrl}{path}?{query}";
    }
}
