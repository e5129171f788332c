using System.Collections;
using System.Globalization;
using System.Text;

namespace TagBot.Core.Policies;

/// <summary>
/// Every key of <c>.github/tagbot.yml</c> with its type, default and meaning: the source of the key
/// table in <c>docs/configuration.md</c>. Defaults are not written here but read from
/// <see cref="Policy.Default"/>, so the documentation cannot drift from the code; tests check that
/// every key the loader accepts is listed and that every listed key loads with its documented default.
/// Adding a key is one entry in <see cref="Keys"/>.
/// </summary>
public static class PolicyReference
{
    /// <summary>The keys in the order of the documentation.</summary>
    public static IReadOnlyList<PolicyKey> Keys { get; } =
    [
        new("roster.path", "file path", p => p.Roster.Path,
            "The roster file, read for roles and edited by roster pull requests."),
        new("roster.format", "`tagbot`, `cncf-toc`, `markdown-table` or `k8s-sigs`", p => p.Roster.Format,
            "`tagbot` (see the roster format below), `cncf-toc` (an entry of cncf/toc's `tags.yaml`), `markdown-table` "
            + "(tables between `<!-- tagbot:roster:ROLE:start -->` and `<!-- tagbot:roster:ROLE:end -->` markers) or `k8s-sigs` "
            + "(a group of kubernetes/community's `sigs.yaml`)."),
        new("roster.entry", "string or `null`", p => p.Roster.Entry,
            "`cncf-toc`: the `dir` of the `tags.yaml` entry to edit, e.g. `tag-security`; `k8s-sigs`: the `dir` of the group, e.g. "
            + "`sig-architecture`. Required for those formats."),
        new("roster.members_path", "file path or `null`", p => p.Roster.MembersPath,
            "`cncf-toc`, `markdown-table`, `k8s-sigs`: an optional tagbot-format file adding people (with their regions) and the `member` role."),
        new("regions", "list of names", p => p.Regions,
            "Regions seats are capped by. Names compare case-insensitively and contain no spaces (they are typed in `/nominate`)."),
        PolicyKey.Role("term_months", "integer ≥ 1", r => r.TermMonths,
            "Length of a term, in months: the roster pull request seats the elected until start + `term_months`."),
        PolicyKey.Role("seats_per_region", "map region → integer ≥ 0, or `null`", r => r.SeatsPerRegion,
            "Maximum seats per region; a region left out has no cap, and `null` caps none. Alternative to `seats`."),
        PolicyKey.Role("seats", "integer ≥ 1 or `null`", r => r.Seats,
            "Total seats, regions uncapped. Setting it clears the default `seats_per_region`; setting both is an error."),
        PolicyKey.Role("min_per_region", "map region → integer ≥ 0", r => r.MinPerRegion,
            "Minimum representation per region (incumbents count), met when electable candidates exist; may not exceed the region's cap."),
        PolicyKey.Role("max_per_company", "integer ≥ 1 or `null`", r => r.MaxPerCompany,
            "Most seats of the role one company may hold, incumbents included. `null`: no limit."),
        PolicyKey.Role("max_consecutive_terms", "integer ≥ 1 or `null`", r => r.MaxConsecutiveTerms,
            "Most consecutive terms one person may serve. `null`: re-election without limit (the seed proposal)."),
        PolicyKey.Role("elections_per_year", "1, 2, 3, 4, 6 or 12", r => r.ElectionsPerYear,
            "Elections are evenly spaced `12 / elections_per_year` months apart; each fills the seats free or expiring before the next one."),
        new("voters", "list of roles and `team:ORG/SLUG`", p => p.Voters,
            "Roster roles (and GitHub teams, `team:cncf/toc`, see [GitHub teams](#github-teams)) whose positions are binding; everyone "
            + "else is counted as non-binding."),
        new("chairs", "list of roles and `team:ORG/SLUG`", p => p.Chairs,
            "Roles (and GitHub teams) that may `/decide`, `/close-election` and `/break-tie`. Triage is open to these and to every role under `roles`."),
        new("proposals.label", "label name", p => p.Proposals.Label,
            "The label that makes an issue a proposal."),
        new("proposals.min_discussion_days", "integer ≥ 0", p => p.Proposals.MinDiscussionDays,
            "Whole 24-hour days from the issue's creation before consensus is possible."),
        new("proposals.support_required", "integer ≥ 0, or a share: `2/3` (of the binding positions cast) or `1/2 of electorate`",
            p => p.Proposals.SupportShare is { } share ? share.ToString() : p.Proposals.SupportRequired,
            "Binding supports needed for consensus: a count, or a share rounded up (`2/3` of 9 cast is 6; `1/2 of electorate` of 15 voters is 8)."),
        new("proposals.quorum", "fraction (`1/2`, `0.5`, `50%`) or `null`", p => p.Proposals.Quorum,
            "The share of the electorate that must take a binding position (support or objection) before consensus. `null`: no quorum."),
        new("proposals.electorate", "`current` or `frozen`", p => p.Proposals.Electorate,
            "`current`: binding positions are judged by the roster as it is at each pass. `frozen`: by the roster (and policy) as they "
            + "were when the proposal opened, matched by user ID, as an election freezes them (an election record comment is posted)."),
        new("proposals.close_when_decided", "boolean", p => p.Proposals.CloseWhenDecided,
            "`true`: once the discussion period is over and no voter who has not taken part could change the outcome, TagBot accepts "
            + "(or rejects) the proposal itself, as a chair's `/decide` would, with the reasoning in the status comment."),
        new("proposals.objections_block", "boolean", p => p.Proposals.ObjectionsBlock,
            "An open binding objection blocks consensus (`status/blocked`). With `false`, objections are shown but do not block."),
        new("elections.label", "label name", p => p.Elections.Label,
            "The label that makes an issue an election."),
        new("elections.role", "role", p => p.Elections.Role,
            "The role an election fills, unless the issue body says `role: X` on a line of its own. Must be a key of `roles`."),
        new("elections.self_nomination", "boolean", p => p.Elections.SelfNomination,
            "Whether `/nominate` without a login (oneself) is allowed."),
        new("elections.nominee_must_accept", "boolean", p => p.Elections.NomineeMustAccept,
            "A nominee must comment `/accept` to be electable (a self-nomination is its own consent)."),
        new("elections.candidates", "list of roles and `team:ORG/SLUG`, or `[anyone]`", p => p.Elections.Candidates,
            "Roster roles a nominee must hold, or GitHub teams they must be in (frozen when the election opens); `[anyone]` allows everyone."),
        new("elections.support_required", "integer ≥ 0", p => p.Elections.SupportRequired,
            "Binding supports a nominee needs to be electable."),
        new("elections.objections_veto", "boolean", p => p.Elections.ObjectionsVeto,
            "`true`: an open binding objection makes a nominee unelectable."),
        new("elections.tie_break", "`chair` or `earliest-nomination`", p => p.Elections.TieBreak,
            "A tie at the cut-off: `chair` waits for a chair's `/break-tie @user`; `earliest-nomination` seats the earliest nominated."),
        new("elections.reviewers", "list of logins or `org/team`", p => p.Elections.Reviewers,
            "Extra reviewers of roster pull requests, besides the chairs (e.g. a TOC team)."),
        new("elections.nominations_days", "integer ≥ 1 or `null`", p => p.Elections.NominationsDays,
            "Nominations (and `/accept`, `/decline`) close this many days after the election opens, unless the issue body has a "
            + "`nominations close:` line. `null`: no deadline."),
        new("elections.voting_days", "integer ≥ 1 or `null`", p => p.Elections.VotingDays,
            "Voting closes this many days after the election opens, unless the issue body has a `voting closes:` line; the sweep then "
            + "closes the election as `/close-election` would. `null`: a chair closes it."),
        new("elections.min_open_days", "integer ≥ 0", p => p.Elections.MinOpenDays,
            "Whole days from the opening before `/close-election` is accepted."),
        new("elections.close_when_decided", "boolean", p => p.Elections.CloseWhenDecided,
            "`true`: once nominations are closed and no voter who has not taken part could change who is elected (each of them "
            + "supporting every nominee not elected, or objecting to the elected when objections veto), TagBot closes the election "
            + "as `/close-election` would, with the reasoning in the result."),
        new("elections.quorum", "fraction (`1/2`, `0.5`, `50%`) or `null`", p => p.Elections.Quorum,
            "The share of the frozen electorate that must take a binding position for the result to seat anyone. Below it, "
            + "the close elects nobody and opens no roster pull request. `null`: no quorum."),
        new("elections.ballot", "`comments` or `secret`", p => p.Elections.Ballot,
            "`comments`: public `/support` and `/object` comments are the votes. `secret`: comments nominate and endorse (a `/support` "
            + "before voting opens counts towards `support_required` to stand); once voting opens (at the nominations deadline, or a "
            + "chair's `/open-voting`) each voter of the frozen electorate casts a secret ballot on TagBot's ballot page, counted at the "
            + "close and published anonymized ([docs/ballots.md](ballots.md))."),
        new("elections.ballot_type", "`approval` or `ranked`", p => p.Elections.BallotType,
            "With `ballot: secret`: `approval` ballots approve any number of candidates (most approvals win); `ranked` ballots rank them, "
            + "counted by the Schulze method into a full order. Either order fills the seats under the same region and company limits."),
        new("elections.allow_no_opinion", "boolean", p => p.Elections.AllowNoOpinion,
            "With `ballot_type: ranked`: `true` lets a voter leave candidates unranked (below every ranked one); `false` requires a rank for each."),
        new("elections.ballots_path", "folder path", p => p.Elections.BallotsPath,
            "With `ballot: secret`: the folder where the roster pull request publishes the anonymized ballots "
            + "(`<folder>/<issue>/ballots.csv`, and `ballots.blt` for ranked ballots)."),
        new("elections.electorate.path", "file path or `null`", p => p.Elections.Electorate?.Path,
            "An electorate file listing who may vote in elections, e.g. Elekto's `elections/steering/2026/voters.yaml`. When set, the logins "
            + "it lists are the binding voters of every election and `voters` no longer applies to elections (proposals keep it). `null`: no file."),
        new("elections.electorate.format", "`elekto`", p => p.Elections.Electorate?.Format ?? ElectorateFormat.Elekto,
            "How the electorate file is written: `elekto` is `eligible_voters:` followed by a list of GitHub logins."),
        new("elections.schedule.enabled", "boolean", p => p.Elections.Schedule.Enabled,
            "`true`: the sweep opens elections when the roster's terms make them due, reminds holders whose term is ending, and "
            + "proposes moving holders whose term ended without re-election to `emeritus` "
            + "([rules](../src/TagBot.Core/Schedule/README.md)). Off by default: opening issues and pull requests unasked is a step to take on purpose."),
        new("elections.schedule.lead_days", "integer ≥ 1", p => p.Elections.Schedule.LeadDays,
            "An election is opened this many days before the earliest term end no election covers yet (at most one election interval "
            + "before it); its suggested close is that term end."),
        new("elections.schedule.reminder_days", "integer ≥ 0", p => p.Elections.Schedule.ReminderDays,
            "A holder is reminded this many days before their term ends, on the election issue that fills the seat. `0`: no reminders."),
        new("elections.schedule.roles", "list of roles, or `null`", p => p.Elections.Schedule.Roles,
            "Roles whose elections, reminders and retirements are scheduled. `null`: `elections.role` only. Each must be a key of `roles`."),
        new("labels.triage", "label name", p => p.Labels.Triage,
            "Until a chair or lead triages (`/triage`, or removing the label by hand)."),
        new("labels.discussion", "label name", p => p.Labels.Discussion,
            "Proposal under discussion."),
        new("labels.blocked", "label name", p => p.Labels.Blocked,
            "Proposal with an open binding objection."),
        new("labels.consensus", "label name", p => p.Labels.Consensus,
            "Discussion period over, enough binding support, no open binding objection."),
        new("labels.accepted", "label name", p => p.Labels.Accepted,
            "Proposal accepted by a chair's `/decide accept`."),
        new("labels.rejected", "label name", p => p.Labels.Rejected,
            "Proposal rejected by a chair's `/decide reject`."),
        new("labels.election_open", "label name", p => p.Labels.ElectionOpen,
            "Election accepting nominations and positions."),
        new("labels.election_tie", "label name", p => p.Labels.ElectionTie,
            "Election closed with a tie at the cut-off, waiting for `/break-tie`."),
        new("labels.election_closed", "label name", p => p.Labels.ElectionClosed,
            "Election closed; the result is posted and frozen."),
        new("labels.roster_pr", "label name", p => p.Labels.RosterPr,
            "The election's roster pull request is open."),
        new("labels.roster_updated", "label name", p => p.Labels.RosterUpdated,
            "The election's roster pull request was merged."),
    ];

    /// <summary>
    /// The keys a section of the file accepts, in documentation order: <c>""</c> is the top of the file,
    /// then e.g. <c>roster</c>, <c>roles.ROLE</c>, <c>elections.schedule</c>. A nested section is one key
    /// of its parent (<c>elections</c> accepts <c>schedule</c>). The loader takes its allowed keys from here,
    /// so a documented key is accepted and an undocumented one is not.
    /// </summary>
    public static IReadOnlyList<string> KeysOf(string section)
    {
        var prefix = section.Length == 0 ? "" : section + ".";
        return
        [
            .. Keys.Where(k => k.Path.StartsWith(prefix, StringComparison.Ordinal))
                .Select(k => k.Path[prefix.Length..].Split('.')[0])
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>The key table of <c>docs/configuration.md</c> (each line ending with <c>\n</c>).</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("| Key | Type | Default | Meaning |\n|---|---|---|---|\n");
        foreach (var key in Keys)
        {
            text.Append("| `").Append(key.Path).Append("` | ").Append(key.Type).Append(" | ").Append(key.Default)
                .Append(" | ").Append(key.Meaning).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A value as it is written in the policy file, in YAML flow style: <c>null</c>, <c>true</c>,
    /// <c>7</c>, <c>cncf-toc</c>, <c>[APAC, EMEA]</c>, <c>{APAC: 2}</c>.
    /// </summary>
    public static string Yaml(object? value) => value switch
    {
        null => "null",
        string { Length: 0 } => "\"\"",
        string s => s,
        bool b => b ? "true" : "false",
        Enum e => Kebab(e.ToString()),
        IReadOnlyDictionary<string, int> map => "{" + string.Join(", ", map.Select(e => $"{e.Key}: {Yaml(e.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Yaml)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary><c>EarliestNomination</c> → <c>earliest-nomination</c>: how the loader spells enum values.</summary>
    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}

/// <summary>
/// One documented key of <c>.github/tagbot.yml</c>. Its default is read from a policy by
/// <c>read</c>, never written by hand. Keys of a role are written <c>roles.ROLE.key</c> and have a
/// default per role of <see cref="Policy.Default"/> (a role the file adds gets <see cref="RolePolicy.Template"/>).
/// </summary>
public sealed class PolicyKey
{
    private const string RolePrefix = "roles.ROLE.";

    private readonly Func<Policy, string?, object?> _read;

    /// <param name="path">Dotted path, e.g. <c>proposals.support_required</c>.</param>
    /// <param name="type">The values it takes, in words (Markdown).</param>
    /// <param name="read">Where the key's value sits in a <see cref="Policy"/>.</param>
    /// <param name="meaning">What it does (Markdown, one paragraph, no <c>|</c>).</param>
    public PolicyKey(string path, string type, Func<Policy, object?> read, string meaning)
        : this(path, type, (policy, _) => read(policy), meaning)
    {
    }

    private PolicyKey(string path, string type, Func<Policy, string?, object?> read, string meaning)
    {
        Path = path;
        Type = type;
        Meaning = meaning;
        _read = read;
    }

    public string Path { get; }

    public string Type { get; }

    public string Meaning { get; }

    /// <summary>True for <c>roles.ROLE.*</c> keys, which every role has.</summary>
    public bool IsRoleKey => Path.StartsWith(RolePrefix, StringComparison.Ordinal);

    /// <summary>The default as the documentation shows it: <c>`7`</c>, or one value per role when they differ.</summary>
    public string Default
    {
        get
        {
            if (!IsRoleKey)
            {
                return Code(ValueIn(Policy.Default));
            }

            // The default roles, then a role the file adds, grouped by value.
            var holders = Policy.Default.Roles.Keys.Select(role => (Who: role, Value: ValueIn(Policy.Default, role)))
                .Append((Who: "new roles", Value: ValueIn(Policy.Default, role: null)))
                .GroupBy(h => h.Value, StringComparer.Ordinal)
                .ToList();
            return holders.Count == 1
                ? Code(holders[0].Key)
                : string.Join("; ", holders.Select(g => $"{string.Join(" and ", g.Select(h => h.Who))}: {Code(g.Key)}"));
        }
    }

    /// <summary>
    /// A role key: its value is read from each role's <see cref="RolePolicy"/>.
    /// </summary>
    public static PolicyKey Role(string key, string type, Func<RolePolicy, object?> read, string meaning) =>
        new(RolePrefix + key, type,
            (policy, role) => read(role is null ? RolePolicy.Template : policy.Roles[role]), meaning);

    /// <summary>
    /// The key's value in <paramref name="policy"/> as it would be written in the file. For a role key,
    /// <paramref name="role"/> names the role; null means a role the file adds (the template).
    /// </summary>
    public string ValueIn(Policy policy, string? role = null) => PolicyReference.Yaml(Value(policy, role));

    /// <summary>The key's value in <paramref name="policy"/> as the model holds it (see <see cref="ValueIn"/>).</summary>
    public object? Value(Policy policy, string? role = null) => _read(policy, role);

    private static string Code(string yaml) => $"`{yaml}`";
}
