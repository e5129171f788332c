using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TagBot.Tests.FakeGitHub;

// Organization teams: GET /orgs/{org}/teams/{team_slug}/members, as GitHub answers it to an installation token. The
// members are simple-user objects, paginated with a Link header (30 a page unless per_page says otherwise, at most 100),
// with a content-derived ETag, so an unchanged page answers a conditional request with 304. A team is visible only to
// an installation on its own organization (others get 404, as for a team that does not exist, or an org that is a user);
// an organization whose owner has not granted "Members: read" answers 403.
public sealed partial class FakeGitHubServer
{
    private readonly Dictionary<string, List<string>> _orgTeams = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _teamsForbidden = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates or replaces the team <c>org/slug</c> with exactly <paramref name="members"/> (accounts are created as needed), in that order.</summary>
    public void SetTeam(string org, string slug, params IEnumerable<string> members)
    {
        lock (_gate)
        {
            var logins = members.Select(m => EnsureUser(m).Login).ToList();
            _orgTeams[$"{org}/{slug}"] = logins;
        }
    }

    /// <summary>The current members of <c>org/slug</c>.</summary>
    public IReadOnlyList<string> TeamMembers(string org, string slug)
    {
        lock (_gate)
        {
            return _orgTeams.TryGetValue($"{org}/{slug}", out var members) ? [.. members] : [];
        }
    }

    /// <summary>Makes <paramref name="org"/>'s teams answer 403, as when its owner has not accepted the App's "Members: read" permission.</summary>
    public void ForbidTeams(string org)
    {
        lock (_gate)
        {
            _teamsForbidden.Add(org);
        }
    }

    private void MapTeamEndpoints(WebApplication app) =>
        app.MapGet("/orgs/{org}/teams/{slug}/members", ListTeamMembers).WithMetadata(new AuthRequirement(AuthKind.Installation));

    private GitHubResult ListTeamMembers(HttpContext context, string org, string slug)
    {
        var caller = Caller(context);
        lock (_gate)
        {
            if (!_installations.TryGetValue(caller.InstallationId, out var installation)
                || !string.Equals(installation.Account, org, StringComparison.OrdinalIgnoreCase))
            {
                return GitHubResult.NotFound();
            }

            if (_teamsForbidden.Contains(org))
            {
                return GitHubResult.Error(403, "Resource not accessible by integration",
                    documentationUrl: "https://docs.github.com/rest/teams/members#list-team-members");
            }

            if (!_orgTeams.TryGetValue($"{org}/{slug}", out var members))
            {
                return GitHubResult.NotFound();
            }

            return Pagination.Json(context, BaseUrl, [.. members.Select(m => UserJson(m))]);
        }
    }
}
