using TagBot.Core.Files;
using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// The one reading of a repository's roster: picks the reader for the policy's <c>roster.format</c>
/// and, with <c>roster.members_path</c> (cncf-toc, markdown-table), merges the members file, a
/// tagbot-format file that adds people and the <c>member</c> role. The bot, <c>validate</c>,
/// <c>simulate</c> and <c>audit</c> all read rosters here, so they cannot disagree about a file.
/// </summary>
public static class RosterSource
{
    /// <param name="policy">The policy naming the roster's path, format, entry and members file.</param>
    /// <param name="rosterText">The roster file's text.</param>
    /// <param name="membersText">The members file's text, or null when there is none (or the format takes none).</param>
    /// <returns>The roster, or every located error of either file.</returns>
    public static RosterLoadResult Read(Policy policy, string rosterText, string? membersText)
    {
        rosterText = ByteOrderMark.Strip(rosterText)!;
        membersText = ByteOrderMark.Strip(membersText);
        var settings = policy.Roster;
        var leadership = settings.Format switch
        {
            RosterFormat.CncfToc => CncfTocReader.Read(rosterText, settings.Path, settings.Entry ?? ""),
            RosterFormat.K8sSigs => K8sSigsReader.Read(rosterText, settings.Path, settings.Entry ?? ""),
            RosterFormat.MarkdownTable => MarkdownTableReader.Read(rosterText, settings.Path, policy.Roles.Keys.Concat(policy.Chairs.Where(c => !Teams.TeamName.IsTeam(c))).Distinct()),
            _ => RosterReader.Read(rosterText, settings.Path, policy.Regions),
        };
        if (membersText is null || !TakesMembers(settings) || !leadership.IsValid)
        {
            return leadership;
        }

        var members = RosterReader.Read(membersText, settings.MembersPath!, policy.Regions);
        return members.IsValid
            ? new RosterLoadResult(RosterMerge.Combine(leadership.Roster!, members.Roster), []) { Warnings = leadership.Warnings }
            : members with { Warnings = leadership.Warnings };
    }

    /// <summary>
    /// Whether the policy's roster takes a members file: only the formats that cannot say who the
    /// members are (cncf-toc, markdown-table, k8s-sigs) do; a tagbot roster lists everyone itself.
    /// </summary>
    public static bool TakesMembers(RosterSettings settings) =>
        settings.MembersPath is not null && settings.Format != RosterFormat.Tagbot;
}
