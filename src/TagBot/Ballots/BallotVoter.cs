using System.Globalization;
using System.Security.Claims;

namespace TagBot.Ballots;

/// <summary>Who signed in, as GitHub's <c>GET /user</c> named them: the ID decides eligibility, the login is shown.</summary>
public sealed record BallotVoter(long Id, string Login)
{
    public static BallotVoter? From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && user.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } login
            ? new BallotVoter(id, login)
            : null;
}
