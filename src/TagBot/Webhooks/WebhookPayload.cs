using System.Text.Json;

namespace TagBot.Webhooks;

/// <summary>
/// The few fields of a delivery that routing reads, taken from the verified body in one forward
/// pass of <see cref="Utf8JsonReader"/>: the rest of GitHub's payload (about 14 KB for a comment)
/// is checked to be well-formed JSON and skipped, never built into objects.
/// </summary>
/// <remarks>
/// Deserializing the whole payload into Octokit.Webhooks' typed model was the largest single cost
/// of intake (docs/performance.md). The library stays the reference: its action constants say
/// which actions are handled (<see cref="LibraryActions"/>), and a test reads every one of GitHub's
/// example deliveries both ways and compares the fields.
/// </remarks>
public sealed record WebhookPayload
{
    public string? Action { get; init; }

    /// <summary><c>installation.id</c>, 0 when absent (a repository or organization webhook).</summary>
    public long InstallationId { get; init; }

    /// <summary><c>repository.full_name</c>.</summary>
    public string? Repository { get; init; }

    /// <summary><c>sender.login</c>.</summary>
    public string? Sender { get; init; }

    /// <summary><c>issue.number</c>: null when there is no issue object, 0 when it has no number.</summary>
    public long? IssueNumber { get; init; }

    public WebhookComment? Comment { get; init; }

    /// <summary>Present when the payload has a <c>pull_request</c> object; its value is <c>head.ref</c>.</summary>
    public WebhookBranch? PullRequestHead { get; init; }

    /// <summary><c>repositories[].full_name</c> of <c>installation</c> events (null entries kept as null).</summary>
    public IReadOnlyList<string?>? Repositories { get; init; }

    /// <summary><c>repositories_added[].full_name</c> of <c>installation_repositories</c> events.</summary>
    public IReadOnlyList<string?>? RepositoriesAdded { get; init; }

    /// <summary>Reads <paramref name="body"/>; anything that is not a JSON object with these fields in their types is malformed.</summary>
    /// <exception cref="MalformedDeliveryException">Not valid JSON, not an object, or a routed field of the wrong type.</exception>
    public static WebhookPayload Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            var payload = WebhookPayloadReader.Root(ref reader);
            if (reader.Read())
            {
                throw new MalformedDeliveryException("The payload has more than one JSON value.");
            }

            return payload;
        }
        catch (JsonException e)
        {
            throw new MalformedDeliveryException($"The payload is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // A string that is not valid UTF-8 cannot be read as text.
            throw new MalformedDeliveryException($"The payload has a field that cannot be read: {e.Message}");
        }
    }
}

/// <summary><c>comment.id</c>, and whether its body names <c>/tagbot</c> (the body itself is not kept).</summary>
public sealed record WebhookComment(long Id, bool MentionsTagBot);

/// <summary>A pull request's <c>head.ref</c> (null when absent).</summary>
public sealed record WebhookBranch(string? Ref);
