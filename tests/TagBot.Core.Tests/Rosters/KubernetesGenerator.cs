namespace TagBot.Core.Tests.Rosters;

using YamlDotNet.Core;
using YamlDotNet.Serialization;

/// <summary>
/// The checks kubernetes/community's generator (generator/app.go at commit 24e7d8f5) runs on <c>sigs.yaml</c>
/// before it rewrites the file, mirrored so that a test can tell whether an edited file would pass its build:
/// decoding with known fields only (<c>decoder.KnownFields(true)</c>: here, YamlDotNet's default of failing on
/// an unknown key, over classes with the Go structs' fields), the leadership rules of <c>Context.Validate</c>
/// (github set; name set; company and email set for a lead; name, company and email the same wherever one
/// person leads; no company on an emeritus lead; <c>dir</c> and <c>label</c> derived from the name), and the
/// order <c>Context.Sort</c> writes (each leadership list by github, Go's byte order), plus no duplicate github in a
/// list (the sort would keep both, and OWNERS_ALIASES would list one person twice). The cross-references between
/// working groups and SIGs and the subproject rules are left out: a trimmed fixture cannot satisfy them and TagBot
/// never touches them.
/// </summary>
internal static class KubernetesGenerator
{
    private static readonly Dictionary<string, string> Prefixes = new()
    {
        ["sigs"] = "sig",
        ["workinggroups"] = "wg",
        ["usergroups"] = "ug",
        ["committees"] = "committee",
    };

    /// <summary>Every error the generator would print for <paramref name="text"/>; empty when it passes.</summary>
    public static IReadOnlyList<string> Validate(string text)
    {
        Context context;
        try
        {
            context = new DeserializerBuilder().Build().Deserialize<Context>(text) ?? new Context();
        }
        catch (YamlException e)
        {
            return [$"decode: {e.Message} {e.InnerException?.Message}"];
        }
        var errors = new List<string>();
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var (list, prefix) in Prefixes)
        {
            foreach (var group in context.Groups(list))
            {
                var expectedDir = $"{prefix}-{group.Name.Replace(' ', '-').ToLowerInvariant()}";
                if (expectedDir != group.Dir)
                {
                    errors.Add($"expected dir: {expectedDir}, got: {group.Dir}");
                }
                if (expectedDir[(prefix.Length + 1)..] != group.Label)
                {
                    errors.Add($"{group.Dir}: expected label: {expectedDir[(prefix.Length + 1)..]}, got: {group.Label}");
                }
                foreach (var (role, persons) in group.Leadership.ByRole())
                {
                    Check(group.Dir, role, persons, people, errors);
                }
            }
        }
        return errors;
    }

    private static void Check(string dir, string role, List<Person> persons, Dictionary<string, Person> people, List<string> errors)
    {
        var emeritus = role == "emeritus_lead";
        for (var i = 1; i < persons.Count; i++)
        {
            if (string.CompareOrdinal(persons[i - 1].GitHub, persons[i].GitHub) >= 0)
            {
                errors.Add($"{dir}: {role}: {persons[i - 1].GitHub} is listed before {persons[i].GitHub}: not in the generator's order, or twice");
            }
        }
        foreach (var person in persons)
        {
            if (person.GitHub.Length == 0)
            {
                errors.Add($"{dir}: {role}: github is empty but should be set");
                continue;
            }
            if (people.TryGetValue(person.GitHub, out var seen))
            {
                if (!emeritus && (seen.Email != person.Email || seen.Company != person.Company))
                {
                    errors.Add($"{dir}: {person.GitHub}: email or company does not match other entries");
                }
                if (seen.Name != person.Name)
                {
                    errors.Add($"{dir}: {role}: expected person: {seen.Name}, got: {person.Name}");
                }
            }
            else if (!emeritus)
            {
                people[person.GitHub] = person;
                if (person.Email.Length == 0)
                {
                    errors.Add($"{dir}: {person.GitHub}: email is empty but should be set");
                }
                if (person.Company.Length == 0)
                {
                    errors.Add($"{dir}: {person.GitHub}: company is empty but should be set");
                }
            }
            if (person.Name.Length == 0)
            {
                errors.Add($"{dir}: {person.GitHub}: name is empty but should be set");
            }
            if (emeritus && person.Company.Length > 0)
            {
                errors.Add($"{dir}: emeritus leads should not have company specified; company specified for: {person.Name}");
            }
        }
    }

    // The Go structs of app.go, field for field (yaml.v3 names an untagged field by its lower-cased name).
#pragma warning disable CA1812, CA1002, CA2227 // Instantiated by YamlDotNet; the shapes mirror Go's.
    private sealed class Context
    {
        [YamlMember(Alias = "sigs")] public List<Group>? Sigs { get; set; }
        [YamlMember(Alias = "workinggroups")] public List<Group>? WorkingGroups { get; set; }
        [YamlMember(Alias = "usergroups")] public List<Group>? UserGroups { get; set; }
        [YamlMember(Alias = "committees")] public List<Group>? Committees { get; set; }
        [YamlMember(Alias = "gb_rep")] public Person? GBRep { get; set; }

        public List<Group> Groups(string list) => (list switch
        {
            "sigs" => Sigs,
            "workinggroups" => WorkingGroups,
            "usergroups" => UserGroups,
            _ => Committees,
        }) ?? [];
    }

    private sealed class Group
    {
        [YamlMember(Alias = "dir")] public string Dir { get; set; } = "";
        [YamlMember(Alias = "prefix")] public string? Prefix { get; set; }
        [YamlMember(Alias = "name")] public string Name { get; set; } = "";
        [YamlMember(Alias = "mission_statement")] public string? MissionStatement { get; set; }
        [YamlMember(Alias = "charter_link")] public string? CharterLink { get; set; }
        [YamlMember(Alias = "stakeholder_sigs")] public List<string>? StakeholderSigs { get; set; }
        [YamlMember(Alias = "label")] public string Label { get; set; } = "";
        [YamlMember(Alias = "leadership")] public Leadership Leadership { get; set; } = new();
        [YamlMember(Alias = "meetings")] public List<Meeting>? Meetings { get; set; }
        [YamlMember(Alias = "contact")] public Contact? Contact { get; set; }
        [YamlMember(Alias = "subprojects")] public List<Subproject>? Subprojects { get; set; }
        [YamlMember(Alias = "keps")] public Dictionary<string, List<object>>? Keps { get; set; }
    }

    private sealed class Leadership
    {
        [YamlMember(Alias = "chairs")] public List<Person>? Chairs { get; set; }
        [YamlMember(Alias = "tech_leads")] public List<Person>? TechLeads { get; set; }
        [YamlMember(Alias = "emeritus_leads")] public List<Person>? EmeritusLeads { get; set; }

        public IEnumerable<(string Role, List<Person> Persons)> ByRole() =>
            [("chair", Chairs ?? []), ("tech_lead", TechLeads ?? []), ("emeritus_lead", EmeritusLeads ?? [])];
    }

    private sealed class Person
    {
        [YamlMember(Alias = "github")] public string GitHub { get => field; set => field = value ?? ""; } = "";
        [YamlMember(Alias = "name")] public string Name { get => field; set => field = value ?? ""; } = "";
        [YamlMember(Alias = "company")] public string Company { get => field; set => field = value ?? ""; } = "";
        [YamlMember(Alias = "email")] public string Email { get => field; set => field = value ?? ""; } = "";
    }

    private sealed class Meeting
    {
        [YamlMember(Alias = "description")] public string? Description { get; set; }
        [YamlMember(Alias = "day")] public string? Day { get; set; }
        [YamlMember(Alias = "time")] public string? Time { get; set; }
        [YamlMember(Alias = "tz")] public string? Tz { get; set; }
        [YamlMember(Alias = "frequency")] public string? Frequency { get; set; }
        [YamlMember(Alias = "url")] public string? Url { get; set; }
        [YamlMember(Alias = "archive_url")] public string? ArchiveUrl { get; set; }
        [YamlMember(Alias = "recordings_url")] public string? RecordingsUrl { get; set; }
        [YamlMember(Alias = "calendar_url")] public string? CalendarUrl { get; set; }
    }

    private sealed class Contact
    {
        [YamlMember(Alias = "slack")] public string? Slack { get; set; }
        [YamlMember(Alias = "mailing_list")] public string? MailingList { get; set; }
        [YamlMember(Alias = "private_mailing_list")] public string? PrivateMailingList { get; set; }
        [YamlMember(Alias = "teams")] public List<Team>? Teams { get; set; }
        [YamlMember(Alias = "liaison")] public Person? Liaison { get; set; }
    }

    private sealed class Team
    {
        [YamlMember(Alias = "name")] public string? Name { get; set; }
        [YamlMember(Alias = "description")] public string? Description { get; set; }
    }

    private sealed class Subproject
    {
        [YamlMember(Alias = "name")] public string? Name { get; set; }
        [YamlMember(Alias = "description")] public string? Description { get; set; }
        [YamlMember(Alias = "contact")] public Contact? Contact { get; set; }
        [YamlMember(Alias = "owners")] public List<string>? Owners { get; set; }
        [YamlMember(Alias = "leads")] public List<Person>? Leads { get; set; }
        [YamlMember(Alias = "meetings")] public List<Meeting>? Meetings { get; set; }
    }
#pragma warning restore CA1812, CA1002, CA2227
}
