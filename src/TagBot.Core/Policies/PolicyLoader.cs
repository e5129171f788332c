using TagBot.Core.Yaml;
using TagBot.Core.Rosters;
using YamlDotNet.Core;

namespace TagBot.Core.Policies;

/// <summary>
/// Loads <c>.github/tagbot.yml</c> (SPEC §2). Every key is optional: the file is merged over
/// <see cref="Policy.Default"/>, section by section and role by role, so a partial file overrides only
/// the keys it sets. Lists and region maps (<c>seats_per_region</c>, <c>min_per_region</c>) are values:
/// a file that sets one replaces it whole. All errors are reported, each with its line and column.
/// </summary>
public static class PolicyLoader
{
    public const string DefaultFileName = ".github/tagbot.yml";

    private const string ElectionsPerYearExpectation =
        "1, 2, 3, 4, 6 or 12 (elections are evenly spaced 12 / elections_per_year months apart, so it must divide 12)";

    private static readonly string[] RootKeys =
        ["roster", "regions", "roles", "voters", "chairs", "proposals", "elections", "labels"];

    private static readonly string[] RosterKeys = ["path", "format", "entry", "members_path"];

    private static readonly string[] RoleKeys =
    [
        "term_months", "seats_per_region", "seats", "min_per_region", "max_per_company",
        "max_consecutive_terms", "elections_per_year",
    ];

    private static readonly string[] ProposalKeys = ["label", "min_discussion_days", "support_required", "objections_block"];

    private static readonly string[] ElectionKeys =
    [
        "label", "role", "self_nomination", "nominee_must_accept", "candidates", "support_required",
        "objections_veto", "tie_break", "reviewers", "schedule",
    ];

    private static readonly string[] ScheduleKeys = ["enabled", "lead_days", "reminder_days", "roles"];

    private static readonly Dictionary<string, RosterFormat> Formats = new(StringComparer.Ordinal)
    {
        ["tagbot"] = RosterFormat.Tagbot,
        ["cncf-toc"] = RosterFormat.CncfToc,
        ["markdown-table"] = RosterFormat.MarkdownTable,
    };

    private static readonly Dictionary<string, TieBreak> TieBreaks = new(StringComparer.Ordinal)
    {
        ["chair"] = TieBreak.Chair,
        ["earliest-nomination"] = TieBreak.EarliestNomination,
    };

    /// <summary>
    /// Parses <paramref name="yamlText"/> (null, empty or comments only: all defaults).
    /// The result has a policy only when the file has no error at all.
    /// </summary>
    public static PolicyLoadResult Load(string? yamlText, string fileName = DefaultFileName)
    {
        var r = new ConfigNodeReader(fileName);
        var policy = Policy.Default;
        if (r.ParseDocument(yamlText) is { } root)
        {
            policy = Validate(r, ReadRoot(r, root));
        }
        return r.HasErrors ? new PolicyLoadResult(null, r.Errors) : new PolicyLoadResult(policy, []);
    }

    /// <summary>The keys of the <c>labels:</c> section and the <see cref="LabelNames"/> value each sets.</summary>
    internal static IReadOnlyList<(string Key, string Name)> LabelKeys(LabelNames labels) =>
    [
        ("triage", labels.Triage), ("discussion", labels.Discussion), ("blocked", labels.Blocked),
        ("consensus", labels.Consensus), ("accepted", labels.Accepted), ("rejected", labels.Rejected),
        ("election_open", labels.ElectionOpen), ("election_tie", labels.ElectionTie),
        ("election_closed", labels.ElectionClosed), ("roster_pr", labels.RosterPr),
        ("roster_updated", labels.RosterUpdated),
    ];

    private static Policy ReadRoot(ConfigNodeReader r, ConfigNode root)
    {
        var policy = Policy.Default;
        if (root.Node is not YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            r.Report(root, $"expected a map of settings (roster, regions, roles, ...) at the top of the file, found {root.Describe()}");
            return policy;
        }
        foreach (var (key, value) in r.Fields(root, RootKeys))
        {
            policy = key switch
            {
                "roster" => policy with { Roster = ReadRoster(r, value, policy.Roster) },
                "regions" => policy with { Regions = ReadRegions(r, value, policy.Regions) },
                "roles" => policy with { Roles = ReadRoles(r, value, policy.Roles) },
                "voters" => policy with { Voters = ReadNames(r, value, policy.Voters) },
                "chairs" => policy with { Chairs = ReadNames(r, value, policy.Chairs) },
                "proposals" => policy with { Proposals = ReadProposals(r, value, policy.Proposals) },
                "elections" => policy with { Elections = ReadElections(r, value, policy.Elections) },
                "labels" => policy with { Labels = ReadLabels(r, value, policy.Labels) },
                _ => policy,
            };
        }
        return policy;
    }

    private static RosterSettings ReadRoster(ConfigNodeReader r, ConfigNode node, RosterSettings roster)
    {
        foreach (var (key, value) in r.Fields(node, RosterKeys))
        {
            switch (key)
            {
                case "path" when r.TryName(value, out var path):
                    roster = roster with { Path = path };
                    break;
                case "format" when r.TryChoice(value, Formats, out var format):
                    roster = roster with { Format = format };
                    break;
                case "entry" when r.TryOptionalName(value, out var entry):
                    roster = roster with { Entry = entry };
                    break;
                case "members_path" when r.TryOptionalName(value, out var membersPath):
                    roster = roster with { MembersPath = membersPath };
                    break;
                default:
                    break;
            }
        }
        return roster;
    }

    private static IReadOnlyList<string> ReadRegions(ConfigNodeReader r, ConfigNode node, IReadOnlyList<string> regions)
    {
        if (!r.TryStringList(node, out var items))
        {
            return regions;
        }
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (region, itemNode) in items)
        {
            if (seen.TryGetValue(region, out var first))
            {
                r.Report(itemNode, $"duplicate region '{region}' (already listed as '{first}'; regions compare case-insensitively)");
                continue;
            }
            if (region.Any(char.IsWhiteSpace))
            {
                r.Report(itemNode, $"region '{region}' contains a space; region names are typed in /nominate commands, so use e.g. '{string.Join('-', region.Split(' ', StringSplitOptions.RemoveEmptyEntries))}'");
            }
            seen.Add(region, region);
        }
        return [.. seen.Values];
    }

    private static Dictionary<string, RolePolicy> ReadRoles(
        ConfigNodeReader r, ConfigNode node, IReadOnlyDictionary<string, RolePolicy> defaults)
    {
        var roles = defaults.ToDictionary(StringComparer.Ordinal);
        foreach (var (id, keyNode, value) in r.Entries(node))
        {
            if (!defaults.ContainsKey(id) && KeySuggester.Suggest(id, defaults.Keys) is { } near)
            {
                // A new role is allowed, but one this close to an existing role is almost surely a typo.
                r.Report(keyNode, $"unknown role '{id}'; did you mean '{near}'? (a new role needs a name that is not this close to an existing one)");
                continue;
            }
            if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                r.Report(keyNode, $"role id '{id}' may contain only letters, digits, '_' and '-'");
                continue;
            }
            roles[id] = ReadRole(r, value, roles.GetValueOrDefault(id) ?? RolePolicy.Template);
        }
        return roles;
    }

    private static RolePolicy ReadRole(ConfigNodeReader r, ConfigNode node, RolePolicy role)
    {
        ConfigNode? seatsNode = null;
        var perRegionSet = false;
        foreach (var (key, value) in r.Fields(node, RoleKeys))
        {
            switch (key)
            {
                case "term_months" when r.TryInt(value, 1, out var months):
                    role = role with { TermMonths = months };
                    break;
                case "seats_per_region" when TryRegionCounts(r, value, out var caps):
                    role = role with { SeatsPerRegion = caps };
                    perRegionSet = caps is not null;
                    break;
                case "seats" when r.TryOptionalInt(value, 1, out var seats):
                    role = role with { Seats = seats };
                    seatsNode = seats is null ? null : value;
                    break;
                case "min_per_region" when TryRegionCounts(r, value, out var mins):
                    role = role with { MinPerRegion = mins ?? new Dictionary<string, int>() };
                    break;
                case "max_per_company" when r.TryOptionalInt(value, 1, out var maxPerCompany):
                    role = role with { MaxPerCompany = maxPerCompany };
                    break;
                case "max_consecutive_terms" when r.TryOptionalInt(value, 1, out var maxTerms):
                    role = role with { MaxConsecutiveTerms = maxTerms };
                    break;
                case "elections_per_year" when r.TryInt(value, int.MinValue, out var perYear, ElectionsPerYearExpectation):
                    if (perYear is >= 1 and <= 12 && 12 % perYear == 0)
                    {
                        role = role with { ElectionsPerYear = perYear };
                    }
                    else
                    {
                        r.Report(value, $"expected {ElectionsPerYearExpectation}, found {perYear}");
                    }
                    break;
                default:
                    break;
            }
        }
        // `seats` and `seats_per_region` are alternatives: the one the file sets replaces the other's default.
        if (seatsNode is { } both && perRegionSet)
        {
            r.Report(both, "set either seats (a total, regions uncapped) or seats_per_region (a cap per region), not both");
        }
        else if (seatsNode is not null)
        {
            role = role with { SeatsPerRegion = null };
        }
        else if (perRegionSet)
        {
            role = role with { Seats = null };
        }
        return role;
    }

    /// <summary>A map region → count ≥ 0 (null node: null). Region names are checked in <see cref="Validate"/>.</summary>
    private static bool TryRegionCounts(ConfigNodeReader r, ConfigNode node, out Dictionary<string, int>? counts)
    {
        counts = null;
        if (node.IsNull)
        {
            return true;
        }
        if (node.Node is not YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            r.Report(node, $"expected a map of region: number (e.g. {{ APAC: 2, EMEA: 2 }}), found {node.Describe()}");
            return false;
        }
        counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        foreach (var (region, keyNode, value) in r.Entries(node))
        {
            if (counts.ContainsKey(region))
            {
                r.Report(keyNode, $"region '{region}' is listed twice (regions compare case-insensitively)");
                ok = false;
            }
            else if (r.TryInt(value, 0, out var count))
            {
                counts.Add(region, count);
            }
            else
            {
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>A list of roster role names (duplicates dropped).</summary>
    private static IReadOnlyList<string> ReadNames(ConfigNodeReader r, ConfigNode node, IReadOnlyList<string> names) =>
        r.TryStringList(node, out var items) ? [.. items.Select(i => i.Value).Distinct(StringComparer.Ordinal)] : names;

    private static ProposalPolicy ReadProposals(ConfigNodeReader r, ConfigNode node, ProposalPolicy proposals)
    {
        foreach (var (key, value) in r.Fields(node, ProposalKeys))
        {
            switch (key)
            {
                case "label" when r.TryName(value, out var label):
                    proposals = proposals with { Label = label };
                    break;
                case "min_discussion_days" when r.TryInt(value, 0, out var days):
                    proposals = proposals with { MinDiscussionDays = days };
                    break;
                case "support_required" when r.TryInt(value, 0, out var support):
                    proposals = proposals with { SupportRequired = support };
                    break;
                case "objections_block" when r.TryBool(value, out var block):
                    proposals = proposals with { ObjectionsBlock = block };
                    break;
                default:
                    break;
            }
        }
        return proposals;
    }

    private static ElectionPolicy ReadElections(ConfigNodeReader r, ConfigNode node, ElectionPolicy elections)
    {
        foreach (var (key, value) in r.Fields(node, ElectionKeys))
        {
            switch (key)
            {
                case "label" when r.TryName(value, out var label):
                    elections = elections with { Label = label };
                    break;
                case "role" when r.TryName(value, out var role):
                    elections = elections with { Role = role };
                    break;
                case "self_nomination" when r.TryBool(value, out var self):
                    elections = elections with { SelfNomination = self };
                    break;
                case "nominee_must_accept" when r.TryBool(value, out var mustAccept):
                    elections = elections with { NomineeMustAccept = mustAccept };
                    break;
                case "candidates":
                    elections = elections with { Candidates = ReadNames(r, value, elections.Candidates) };
                    break;
                case "support_required" when r.TryInt(value, 0, out var support):
                    elections = elections with { SupportRequired = support };
                    break;
                case "objections_veto" when r.TryBool(value, out var veto):
                    elections = elections with { ObjectionsVeto = veto };
                    break;
                case "tie_break" when r.TryChoice(value, TieBreaks, out var tieBreak):
                    elections = elections with { TieBreak = tieBreak };
                    break;
                case "reviewers" when r.TryStringList(value, out var reviewers):
                    elections = elections with { Reviewers = ReadReviewers(r, reviewers) };
                    break;
                case "schedule":
                    elections = elections with { Schedule = ReadSchedule(r, value, elections.Schedule) };
                    break;
                default:
                    break;
            }
        }
        return elections;
    }

    /// <summary>The <c>elections.schedule</c> map; its roles are checked against <c>roles</c> in <see cref="Validate"/>.</summary>
    private static SchedulePolicy ReadSchedule(ConfigNodeReader r, ConfigNode node, SchedulePolicy schedule)
    {
        foreach (var (key, value) in r.Fields(node, ScheduleKeys))
        {
            switch (key)
            {
                case "enabled" when r.TryBool(value, out var enabled):
                    schedule = schedule with { Enabled = enabled };
                    break;
                case "lead_days" when r.TryInt(value, 1, out var lead):
                    schedule = schedule with { LeadDays = lead };
                    break;
                case "reminder_days" when r.TryInt(value, 0, out var reminder, "a whole number ≥ 0 (0: no reminders)"):
                    schedule = schedule with { ReminderDays = reminder };
                    break;
                case "roles" when value.IsNull:
                    schedule = schedule with { Roles = null };
                    break;
                case "roles":
                    schedule = schedule with { Roles = ReadNames(r, value, schedule.Roles ?? []) };
                    break;
                default:
                    break;
            }
        }
        return schedule;
    }

    /// <summary>Logins or <c>org/team</c> slugs; a leading '@' is accepted and dropped.</summary>
    private static IReadOnlyList<string> ReadReviewers(ConfigNodeReader r, List<(string Value, ConfigNode Node)> items)
    {
        var reviewers = new List<string>();
        foreach (var (written, node) in items)
        {
            var reviewer = written.TrimStart('@');
            var slash = reviewer.IndexOf('/', StringComparison.Ordinal);
            var valid = slash < 0
                ? GitHubLogin.IsValid(reviewer)
                : GitHubLogin.IsValid(reviewer[..slash])
                    && reviewer[(slash + 1)..] is { Length: > 0 } team
                    && team.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
            if (valid)
            {
                reviewers.Add(reviewer);
            }
            else
            {
                r.Report(node, $"'{written}' is neither a GitHub login nor an org/team (e.g. cncf/toc)");
            }
        }
        return [.. reviewers.Distinct(GitHubLogin.Comparer)];
    }

    private static LabelNames ReadLabels(ConfigNodeReader r, ConfigNode node, LabelNames labels)
    {
        var keys = LabelKeys(labels).Select(k => k.Key).ToArray();
        foreach (var (key, value) in r.Fields(node, keys))
        {
            if (!r.TryName(value, out var name))
            {
                continue;
            }
            labels = key switch
            {
                "triage" => labels with { Triage = name },
                "discussion" => labels with { Discussion = name },
                "blocked" => labels with { Blocked = name },
                "consensus" => labels with { Consensus = name },
                "accepted" => labels with { Accepted = name },
                "rejected" => labels with { Rejected = name },
                "election_open" => labels with { ElectionOpen = name },
                "election_tie" => labels with { ElectionTie = name },
                "election_closed" => labels with { ElectionClosed = name },
                "roster_pr" => labels with { RosterPr = name },
                "roster_updated" => labels with { RosterUpdated = name },
                _ => labels,
            };
        }
        return labels;
    }

    /// <summary>
    /// Checks that span sections (and so may involve defaults the file did not set), and spells region keys
    /// as <see cref="Policy.Regions"/> does. A default that conflicts with the file is reported where the file
    /// made it conflict.
    /// </summary>
    private static Policy Validate(ConfigNodeReader r, Policy policy)
    {
        var roles = policy.Roles.ToDictionary(e => e.Key, e => ValidateRole(r, policy.Regions, e.Key, e.Value), StringComparer.Ordinal);
        policy = policy with { Roles = roles };

        if (!policy.Roles.ContainsKey(policy.Elections.Role))
        {
            r.Report(At(r, "elections.role"), "elections.role",
                $"role '{policy.Elections.Role}' is not in roles ({string.Join(", ", policy.Roles.Keys)}); add it under roles or pick one of those");
        }

        foreach (var role in policy.Elections.Schedule.Roles ?? [])
        {
            if (!policy.Roles.ContainsKey(role))
            {
                r.Report(At(r, "elections.schedule.roles"), "elections.schedule.roles",
                    $"role '{role}' is not in roles ({string.Join(", ", policy.Roles.Keys)}); only roles with terms can be scheduled");
            }
        }

        if (policy.Roster is { Format: RosterFormat.CncfToc, Entry: null })
        {
            r.Report(At(r, "roster.entry", "roster.format"), "roster.entry",
                "required when roster.format is cncf-toc: the `dir` of the tags.yaml entry to edit, e.g. tag-security");
        }

        ValidateLabels(r, policy);
        return policy;
    }

    private static RolePolicy ValidateRole(ConfigNodeReader r, IReadOnlyList<string> regions, string id, RolePolicy role)
    {
        var path = $"roles.{id}";
        var caps = CheckRegions(r, regions, $"{path}.seats_per_region", role.SeatsPerRegion);
        var mins = CheckRegions(r, regions, $"{path}.min_per_region", role.MinPerRegion) ?? [];
        foreach (var (region, min) in mins)
        {
            if (caps is not null && caps.TryGetValue(region, out var cap) && min > cap)
            {
                r.Report(At(r, $"{path}.min_per_region.{region}", $"{path}.min_per_region", $"{path}.seats_per_region"),
                    $"{path}.min_per_region",
                    $"minimum {min} for {region} is more than its {cap} seat(s) in seats_per_region");
            }
        }
        if (role.Seats is { } seats && mins.Values.Sum() > seats)
        {
            r.Report(At(r, $"{path}.min_per_region", $"{path}.seats"), $"{path}.min_per_region",
                $"the minimums add up to {mins.Values.Sum()}, more than the {seats} seat(s) of seats");
        }
        return role with { SeatsPerRegion = caps, MinPerRegion = mins };
    }

    /// <summary>Reports region keys that are not in <c>regions</c>; returns the map spelled as <c>regions</c> spells them.</summary>
    private static Dictionary<string, int>? CheckRegions(
        ConfigNodeReader r, IReadOnlyList<string> regions, string path, IReadOnlyDictionary<string, int>? counts)
    {
        if (counts is null)
        {
            return null;
        }
        var spelled = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (region, count) in counts)
        {
            var known = regions.FirstOrDefault(k => string.Equals(k, region, StringComparison.OrdinalIgnoreCase));
            if (known is not null)
            {
                spelled[known] = count;
            }
            else if (r.LocationOf($"{path}.{region}") is { } at)
            {
                r.Report(at, path, $"region '{region}' is not in regions ({string.Join(", ", regions)})");
            }
            else
            {
                // The map is a default the file kept, while the file changed `regions`.
                r.Report(At(r, "regions"), path,
                    $"the default names region '{region}', which is not in regions ({string.Join(", ", regions)}); set {path} for your regions");
            }
        }
        return spelled;
    }

    private static void ValidateLabels(ConfigNodeReader r, Policy policy)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [policy.Proposals.Label] = "proposals.label",
        };
        if (!seen.TryAdd(policy.Elections.Label, "elections.label"))
        {
            r.Report(At(r, "elections.label", "proposals.label"), "elections.label",
                $"'{policy.Elections.Label}' is also proposals.label; proposals and elections need different labels");
        }
        foreach (var (key, name) in LabelKeys(policy.Labels))
        {
            var path = $"labels.{key}";
            if (!seen.TryAdd(name, path))
            {
                r.Report(At(r, path, seen[name], "labels"), path,
                    $"'{name}' is also used for {seen[name]}; every label TagBot manages needs its own name (GitHub labels compare case-insensitively)");
            }
        }
    }

    /// <summary>Where the file sets the first of <paramref name="paths"/> that it sets; else line 1.</summary>
    private static Mark At(ConfigNodeReader r, params string[] paths) =>
        paths.Select(r.LocationOf).FirstOrDefault(m => m is not null) ?? new Mark(0, 1, 1);
}
