using System.Text.Json;

namespace TagBot.Webhooks;

/// <summary>
/// The forward pass behind <see cref="WebhookPayload.Read"/>: one method per object it descends
/// into, every other value skipped (and so still checked to be well-formed). A repeated key counts
/// once, the last time, as System.Text.Json's deserializer does.
/// </summary>
internal static class WebhookPayloadReader
{
    public static WebhookPayload Root(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MalformedDeliveryException("The payload is not a JSON object.");
        }

        string? action = null, repository = null, sender = null;
        long installation = 0;
        long? issue = null;
        WebhookComment? comment = null;
        WebhookBranch? pullRequest = null;
        List<string?>? repositories = null, repositoriesAdded = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("action"u8))
            {
                action = String(ref reader, "action");
            }
            else if (reader.ValueTextEquals("installation"u8))
            {
                installation = Object(ref reader, "installation") ? Id(ref reader, "installation.id") : 0;
            }
            else if (reader.ValueTextEquals("repository"u8))
            {
                repository = Object(ref reader, "repository") ? Field(ref reader, "full_name"u8, "repository.full_name") : null;
            }
            else if (reader.ValueTextEquals("sender"u8))
            {
                sender = Object(ref reader, "sender") ? Field(ref reader, "login"u8, "sender.login") : null;
            }
            else if (reader.ValueTextEquals("issue"u8))
            {
                issue = Object(ref reader, "issue") ? Number(ref reader) : null;
            }
            else if (reader.ValueTextEquals("comment"u8))
            {
                comment = Object(ref reader, "comment") ? Comment(ref reader) : null;
            }
            else if (reader.ValueTextEquals("pull_request"u8))
            {
                pullRequest = Object(ref reader, "pull_request") ? new WebhookBranch(HeadRef(ref reader)) : null;
            }
            else if (reader.ValueTextEquals("repositories"u8))
            {
                repositories = Repositories(ref reader, "repositories", "repositories[].full_name");
            }
            else if (reader.ValueTextEquals("repositories_added"u8))
            {
                repositoriesAdded = Repositories(ref reader, "repositories_added", "repositories_added[].full_name");
            }
            else
            {
                reader.Skip();
            }
        }

        return new WebhookPayload
        {
            Action = action,
            InstallationId = installation,
            Repository = repository,
            Sender = sender,
            IssueNumber = issue,
            Comment = comment,
            PullRequestHead = pullRequest,
            Repositories = repositories,
            RepositoriesAdded = repositoriesAdded,
        };
    }

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        // Inside an object the reader yields a property name or the end; broken JSON throws.
        return reader.Read() && reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Reads the value after a property name: true on an object's start, false on null.</summary>
    private static bool Object(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw new MalformedDeliveryException($"'{field}' must be an object."),
        };
    }

    private static string? String(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new MalformedDeliveryException($"'{field}' must be a string."),
        };
    }

    private static long Int64(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
            _ => throw new MalformedDeliveryException($"'{field}' must be a whole number."),
        };
    }

    /// <summary>The string property <paramref name="name"/> of the object just entered; the rest is skipped.</summary>
    private static string? Field(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, string field)
    {
        string? value = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(name))
            {
                value = String(ref reader, field);
            }
            else
            {
                reader.Skip();
            }
        }

        return value;
    }

    private static long Id(ref Utf8JsonReader reader, string field)
    {
        long id = 0;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = Int64(ref reader, field);
            }
            else
            {
                reader.Skip();
            }
        }

        return id;
    }

    private static long Number(ref Utf8JsonReader reader)
    {
        long number = 0;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("number"u8))
            {
                number = Int64(ref reader, "issue.number");
            }
            else
            {
                reader.Skip();
            }
        }

        return number;
    }

    private static WebhookComment Comment(ref Utf8JsonReader reader)
    {
        long id = 0;
        var mentions = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = Int64(ref reader, "comment.id");
            }
            else if (reader.ValueTextEquals("body"u8))
            {
                mentions = String(ref reader, "comment.body")?.Contains("/tagbot", StringComparison.OrdinalIgnoreCase) == true;
            }
            else
            {
                reader.Skip();
            }
        }

        return new WebhookComment(id, mentions);
    }

    private static string? HeadRef(ref Utf8JsonReader reader)
    {
        string? head = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("head"u8))
            {
                head = Object(ref reader, "pull_request.head") ? Field(ref reader, "ref"u8, "pull_request.head.ref") : null;
            }
            else
            {
                reader.Skip();
            }
        }

        return head;
    }

    private static List<string?>? Repositories(ref Utf8JsonReader reader, string field, string nameField)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new MalformedDeliveryException($"'{field}' must be an array.");
        }

        var names = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            names.Add(reader.TokenType switch
            {
                JsonTokenType.StartObject => Field(ref reader, "full_name"u8, nameField),
                JsonTokenType.Null => null,
                _ => throw new MalformedDeliveryException($"'{field}' must hold objects."),
            });
        }

        return names;
    }
}
