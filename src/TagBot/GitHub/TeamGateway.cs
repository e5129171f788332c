using Octokit;
using TagBot.Core.Teams;

namespace TagBot.GitHub;

/// <summary>
/// Reads the members of GitHub teams (<c>GET /orgs/{org}/teams/{slug}/members</c>, 100 a page, following the
/// <c>Link</c> header). Through the installation client's ETag cache every page is a conditional request, so an
/// unchanged team costs 304s, which GitHub does not count against the rate limit. It decides nothing: a team it
/// cannot read comes back as GitHub's answer in words, for the status comment.
/// </summary>
public sealed class TeamGateway(IGitHubClient client)
{
    private static readonly ApiOptions AllPages = new() { PageSize = 100 };

    private readonly ApiConnection _api = new(client.Connection);

    /// <summary>The members (login, user ID) of <paramref name="team"/>, or why they cannot be read.</summary>
    public async Task<TeamRead> ReadMembersAsync(TeamName team)
    {
        try
        {
            var uri = new Uri($"orgs/{Uri.EscapeDataString(team.Org)}/teams/{Uri.EscapeDataString(team.Slug)}/members", UriKind.Relative);
            var members = await _api.GetAll<User>(uri, new Dictionary<string, string>(), AllPages);
            return new TeamRead([.. members.Select(m => new TeamRead.Member(m.Login, m.Id))], null);
        }
        catch (NotFoundException)
        {
            return new TeamRead(null,
                $"GitHub answers 404: there is no team `{team.Slug}` in the organization `{team.Org}`, `{team.Org}` is not an organization "
                + $"(a personal account has no teams), or TagBot is not installed on `{team.Org}` (an installation sees only its own organization's teams). "
                + "Check the slug in the team's URL (github.com/orgs/ORG/teams/SLUG).");
        }
        catch (ForbiddenException e) when (e is not RateLimitExceededException and not SecondaryRateLimitExceededException)
        {
            return new TeamRead(null,
                $"GitHub answers 403 ({e.Message}): the installation may not read `{team.Org}`'s teams. TagBot asks for the \"Members: read\" "
                + $"organization permission; an owner of `{team.Org}` must accept it (Settings → GitHub Apps → TagBot → review the permission request).");
        }
    }
}

/// <summary>A team as read: its members, or (when <see cref="Members"/> is null) why GitHub would not list them.</summary>
public sealed record TeamRead(IReadOnlyList<TeamRead.Member>? Members, string? Problem)
{
    public sealed record Member(string Login, long Id);
}
