using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace TagBot.Tests.FakeGitHub;

// The App manifest flow's last step: a one-time code exchanged for the new App's credentials.
public sealed partial class FakeGitHubServer
{
    private readonly HashSet<string> _manifestCodes = [];

    public const string ManifestWebhookSecret = "manifest-webhook-secret";

    /// <summary>A code as GitHub's redirect carries it after the user created an App from a manifest.</summary>
    public string IssueManifestCode()
    {
        var code = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            _manifestCodes.Add(code);
        }

        return code;
    }

    private void MapManifestEndpoints(WebApplication app) =>
        app.MapPost("/app-manifests/{code}/conversions", ConvertManifest).WithMetadata(new AuthRequirement(AuthKind.None));

    private GitHubResult ConvertManifest(string code)
    {
        lock (_gate)
        {
            if (!_manifestCodes.Remove(code))
            {
                return GitHubResult.NotFound();
            }

            var json = JsonSerializer.SerializeToNode(AppJson(), GitHubJson.Options)!.AsObject();
            json["pem"] = PrivateKeyPem;
            json["webhook_secret"] = ManifestWebhookSecret;
            json["client_id"] = OAuthClientId;
            json["client_secret"] = OAuthClientSecret;
            return GitHubResult.Json(json, 201);
        }
    }
}
