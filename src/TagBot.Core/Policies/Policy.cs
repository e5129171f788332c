namespace TagBot.Core.Policies;

/// <summary>
/// A repository's governance policy: <c>.github/tagbot.yml</c> merged over <see cref="Default"/>,
/// which reproduces the CNCF TAG Security "Tech Lead Lifecycle Revision" proposal.
/// Records with value equality: two policies with the same settings are equal.
/// </summary>
/// <param name="Roster">Where and how the roster is stored.</param>
/// <param name="Regions">Region names (unique, compared case-insensitively).</param>
/// <param name="Roles">Role id (case-sensitive, e.g. <c>tech_lead</c>) → how it is filled.</param>
/// <param name="Voters">Roster roles whose positions are binding; others are counted as non-binding.</param>
/// <param name="Chairs">Roster roles that may <c>/triage</c>, <c>/decide</c>, <c>/close-election</c>.</param>
/// <param name="Proposals">Proposal rules.</param>
/// <param name="Elections">Election rules.</param>
/// <param name="Labels">Managed label names.</param>
public sealed record Policy(
    RosterSettings Roster,
    IReadOnlyList<string> Regions,
    IReadOnlyDictionary<string, RolePolicy> Roles,
    IReadOnlyList<string> Voters,
    IReadOnlyList<string> Chairs,
    ProposalPolicy Proposals,
    ElectionPolicy Elections,
    LabelNames Labels)
{
    public IReadOnlyList<string> Regions { get; init => field = ValueCollections.List(value); } = ValueCollections.List(Regions);

    public IReadOnlyDictionary<string, RolePolicy> Roles { get; init => field = RoleMap(value); } = RoleMap(Roles);

    public IReadOnlyList<string> Voters { get; init => field = ValueCollections.List(value); } = ValueCollections.List(Voters);

    public IReadOnlyList<string> Chairs { get; init => field = ValueCollections.List(value); } = ValueCollections.List(Chairs);

    /// <summary>The defaults (what a repository without <c>.github/tagbot.yml</c> gets).</summary>
    public static Policy Default { get; } = new(
        Roster: RosterSettings.Default,
        Regions: ["APAC", "EMEA", "Americas"],
        Roles: new Dictionary<string, RolePolicy>
        {
            ["chair"] = RolePolicy.Template,
            ["tech_lead"] = new RolePolicy(
                TermMonths: 24,
                SeatsPerRegion: new Dictionary<string, int> { ["APAC"] = 2, ["EMEA"] = 2, ["Americas"] = 2 },
                Seats: null,
                MinPerRegion: new Dictionary<string, int>(),
                MaxPerCompany: null,
                MaxConsecutiveTerms: null,
                ElectionsPerYear: 2),
        },
        Voters: ["chair", "tech_lead", "member"],
        Chairs: ["chair"],
        Proposals: ProposalPolicy.Default,
        Elections: ElectionPolicy.Default,
        Labels: LabelNames.Default);

    /// <summary>The labels whose issues TagBot watches: the proposal and election labels.</summary>
    public IReadOnlyList<string> WatchedLabels => [Proposals.Label, Elections.Label];

    /// <summary>Whether an issue with <paramref name="labels"/> is tracked: it carries a watched label (any casing).</summary>
    public bool Tracks(IEnumerable<string> labels) => labels.Any(l => WatchedLabels.Contains(l, StringComparer.OrdinalIgnoreCase));

    /// <summary>The policy of <paramref name="role"/>, or <c>null</c> when the policy has no such role.</summary>
    public RolePolicy? RoleOrNull(string role) => Roles.TryGetValue(role, out var policy) ? policy : null;

    private static IReadOnlyDictionary<string, RolePolicy> RoleMap(IReadOnlyDictionary<string, RolePolicy> roles) =>
        ValueCollections.Map(roles, StringComparer.Ordinal);
}
