using TagBot.Core.Rosters;

namespace TagBot.Core.Teams;

/// <summary>
/// A GitHub team named in <c>voters</c>, <c>chairs</c> or <c>elections.candidates</c> beside roster roles:
/// <c>team:ORG/SLUG</c>, as GitVote's <c>allowed_voters</c> and rfcbot name teams. GitHub compares org names and
/// slugs case-insensitively, so the entry is kept in lower case: the policy, the frozen record and the members read
/// from GitHub then agree on one spelling.
/// </summary>
public sealed record TeamName(string Org, string Slug)
{
    public const string Prefix = "team:";

    /// <summary>The entry as the policy holds it: <c>team:org/slug</c>.</summary>
    public string Entry => Prefix + Org + "/" + Slug;

    public override string ToString() => Entry;

    /// <summary>Whether a <c>voters</c>/<c>chairs</c>/<c>candidates</c> entry names a team rather than a roster role.</summary>
    public static bool IsTeam(string entry) => entry.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The team <paramref name="entry"/> names, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static TeamName? Parse(string entry, out string? problem)
    {
        problem = null;
        var body = entry[Prefix.Length..];
        var slash = body.IndexOf('/', StringComparison.Ordinal);
        var org = slash < 0 ? body : body[..slash];
        var slug = slash < 0 ? "" : body[(slash + 1)..];
        if (slash < 0 || slug.Length == 0)
        {
            problem = $"'{entry}' names no team: write team:ORG/SLUG, the organization and the team's slug as in its URL "
                + "(github.com/orgs/ORG/teams/SLUG), e.g. team:cncf/toc";
        }
        else if (!Login.IsValidLogin(org))
        {
            problem = $"'{entry}': '{org}' is not a GitHub organization name (letters, digits and '-', at most {Login.MaxLength})";
        }
        else if (!slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problem = $"'{entry}': '{slug}' is not a team slug (letters, digits, '-' and '_'; the slug is the last part of the team's URL)";
        }

        return problem is null ? new TeamName(org.ToLowerInvariant(), slug.ToLowerInvariant()) : null;
    }

    /// <summary>The team of a valid entry (the loader checked it), or null for a roster role.</summary>
    public static TeamName? Of(string entry) => IsTeam(entry) ? Parse(entry, out _) : null;
}
