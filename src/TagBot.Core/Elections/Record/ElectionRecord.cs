using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Record;

/// <summary>
/// What an election froze when it opened: the commit its policy and roster were read at (with each
/// file's blob SHA), the moment, and every roster person with their GitHub user ID. It lives in a
/// comment TagBot posts once and never edits, so anyone can read it back from GitHub alone.
/// </summary>
/// <param name="Commit">The default branch's commit the files were read at: the tally reads them there until the close.</param>
/// <param name="Files">The policy, roster, members file and electorate file as read at <paramref name="Commit"/>.</param>
/// <param name="FrozenAt">When TagBot froze the election: phases set as durations count from here.</param>
/// <param name="People">Everyone in the frozen roster, by login, with their user IDs.</param>
public sealed record ElectionRecord(string Commit, IReadOnlyList<FrozenFile> Files, DateTimeOffset FrozenAt, IReadOnlyList<FrozenPerson> People)
{
    /// <summary>When nominations close, as the issue body or the policy set it at the freeze; null: no deadline.</summary>
    public DateTimeOffset? NominationsClose { get; init; }

    /// <summary>When voting closes and the election closes by itself; null: a chair closes it.</summary>
    public DateTimeOffset? VotingCloses { get; init; }

    /// <summary>
    /// The members of each GitHub team the frozen policy names (<c>team:org/slug</c> → logins), as read when the election
    /// opened: a team is no file at a commit, so its membership is kept here, and a later change to the team changes nobody's vote.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Teams { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The frozen team membership, as the authority reads it; a team the frozen policy names but the record lacks is unreadable.</summary>
    public Core.Teams.TeamMembers FrozenTeams(Policy policy) => new(
        Teams,
        Core.Teams.PolicyTeams.Of(policy).Where(t => !Teams.ContainsKey(t.Entry))
            .ToDictionary(t => t.Entry, _ => "the election record holds no members for it (it was frozen before the policy named the team).", StringComparer.Ordinal))
    {
        Frozen = true,
    };

    /// <summary>The record posted on <paramref name="issue"/> (TagBot's own comments only), or null when it has none.</summary>
    public static ElectionRecord? Find(IssueSnapshot issue) => CommentOf(issue) is { } comment ? ElectionRecordText.Parse(comment.Body) : null;

    /// <summary>The first record comment TagBot posted that still reads as one.</summary>
    public static IssueComment? CommentOf(IssueSnapshot issue) =>
        issue.Comments.Where(c => c.ByTagBot && Markers.IsElectionRecord(c.Body))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .FirstOrDefault(c => ElectionRecordText.Parse(c.Body) is not null);

    /// <summary>
    /// Whether the host should freeze the election now: an open election issue with no record and no
    /// close yet (an election closed before records existed keeps reading the current files). A
    /// proposal with <c>proposals.electorate: frozen</c> freezes the same way until it is decided.
    /// </summary>
    public static bool Needed(IssueSnapshot issue, Policy policy) =>
        issue.IsOpen && Applies(issue, policy) && Find(issue) is null
        && (issue.HasLabel(policy.Elections.Label)
            ? !issue.HasLabel(policy.Labels.ElectionClosed)
            : !issue.HasLabel(policy.Labels.Accepted) && !issue.HasLabel(policy.Labels.Rejected));

    /// <summary>Whether the issue is one whose inputs freeze: an election, or a proposal with <c>proposals.electorate: frozen</c>.</summary>
    public static bool Applies(IssueSnapshot issue, Policy policy) =>
        issue.HasLabel(policy.Elections.Label)
        || (issue.HasLabel(policy.Proposals.Label) && policy.Proposals.Electorate == ProposalElectorate.Frozen);

    /// <summary>
    /// A new record: the deadlines the issue body gives (else the policy's durations from now) are
    /// frozen with the files, so that editing the body later cannot move them.
    /// </summary>
    public static ElectionRecord Freeze(
        string commit, IReadOnlyList<FrozenFile> files, DateTimeOffset now, IReadOnlyList<FrozenPerson> people, string? issueBody, Policies.ElectionPolicy rules,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? teams = null)
    {
        var phases = Phases.ElectionPhases.FromBody(issueBody, rules, now);
        return new ElectionRecord(commit, files, now, people)
        {
            NominationsClose = phases.NominationsClose,
            VotingCloses = phases.VotingCloses,
            Teams = teams ?? new Dictionary<string, IReadOnlyList<string>>(),
        };
    }

    /// <summary>
    /// Everyone the frozen roster names, as people or role holders, every voter the frozen electorate file lists and every
    /// member of a frozen team:
    /// whose user IDs the freeze records, so a listed voter who renames keeps their vote and someone who takes a
    /// listed voter's freed login does not get it.
    /// </summary>
    public static IReadOnlyList<string> LoginsOf(
        Rosters.Roster roster, Rosters.ElectorateFile? electorate = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? teams = null) =>
        [.. roster.People.Keys.Concat(roster.Roles.Values.SelectMany(h => h).Select(h => h.GitHub.Value))
            .Concat(electorate?.Voters ?? [])
            .Concat(teams?.Values.SelectMany(m => m) ?? [])
            .Distinct(Rosters.Login.Comparer).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The user ID frozen for <paramref name="login"/> (case-insensitively), if any.</summary>
    public long? IdOf(string login) =>
        People.FirstOrDefault(p => Rosters.Login.Comparer.Equals(p.Login, login))?.Id;

    /// <summary>The frozen login of the person with <paramref name="id"/>, if any.</summary>
    public string? LoginOf(long id) => id == 0 ? null : People.FirstOrDefault(p => p.Id == id)?.Login;

    /// <summary>The blob SHA of <paramref name="path"/> at the freeze, or null when the file was not there.</summary>
    public string? ShaOf(string? path) => path is null ? null : Files.FirstOrDefault(f => f.Path == path)?.Sha;
}
