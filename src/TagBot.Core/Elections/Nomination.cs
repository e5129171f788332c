using TagBot.Core.Issues;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>Someone standing in the election.</summary>
/// <param name="Nominee">The nominee's login, as the nominating command wrote it.</param>
/// <param name="Region">The region they stand in (policy spelling): from the command, else from the roster; null when the policy has no regions.</param>
/// <param name="RosterRegion">Their region in the roster (policy spelling), shown when it differs from <paramref name="Region"/>.</param>
/// <param name="Company">Their company in the roster, or null.</param>
/// <param name="NominatedBy">Who nominated them.</param>
/// <param name="Source">The nominating comment.</param>
/// <param name="Order">0-based order of the nomination on the issue.</param>
/// <param name="Consent">Their latest answer.</param>
/// <param name="ConsentSource">The comment of that answer; the nomination itself for a self-nomination.</param>
/// <param name="Incumbent">Whether they hold the role now and their seat is up (re-election).</param>
public sealed record Nomination(
    string Nominee,
    string? Region,
    string? RosterRegion,
    string? Company,
    string NominatedBy,
    CommentRef Source,
    int Order,
    Consent Consent,
    CommentRef? ConsentSource,
    bool Incumbent)
{
    public bool Self => Login.Comparer.Equals(Nominee, NominatedBy);
}
