using TagBot.Cli;
using TagBot.Core.Elections;
using TagBot.Core.Policies;
using YamlDotNet.RepresentationModel;

namespace TagBot.Tests.Examples;

/// <summary>
/// The files under examples/ are what people copy: the policies load without errors and say what
/// their comments claim, and the issue forms are well-formed GitHub issue forms that apply TagBot's
/// labels (and, for an election, a <c>role:</c> line TagBot reads).
/// </summary>
public sealed class ExampleFilesTests : IDisposable
{
    private static readonly string[] FieldTypes = ["markdown", "textarea", "input", "dropdown", "checkboxes"];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tagbot-examples-");

    public void Dispose() => _directory.Delete(recursive: true);

    private static string Examples
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TagBot.sln")))
            {
                directory = directory.Parent;
            }

            Assert.NotNull(directory);
            return Path.Combine(directory.FullName, "examples");
        }
    }

    /// <summary>Every example policy: examples/tagbot*.yml (the other examples are simulate scenarios).</summary>
    public static TheoryData<string> Policies()
    {
        var data = new TheoryData<string>();
        foreach (var file in PolicyFiles())
        {
            data.Add(file);
        }

        return data;
    }

    private static List<string> PolicyFiles() =>
        [.. Directory.GetFiles(Examples, "tagbot*.yml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static Policy Load(string name)
    {
        var result = PolicyLoader.Load(File.ReadAllText(Path.Combine(Examples, name)), $"examples/{name}");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Policy!;
    }

    [Fact]
    public void There_are_two_example_policies()
    {
        string[] expected = ["tagbot-consensus.yml", "tagbot.yml"];
        Assert.Equal(expected, PolicyFiles());
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void An_example_policy_loads_without_errors(string name) => Load(name);

    [Fact]
    public void The_seed_example_writes_out_exactly_the_defaults()
    {
        Assert.Equal(Policy.Default, Load("tagbot.yml"));
    }

    [Fact]
    public void The_consensus_example_has_leads_decide_without_caps()
    {
        var policy = Load("tagbot-consensus.yml");

        Assert.Equal(["chair", "tech_lead"], policy.Voters);
        var lead = policy.Roles["tech_lead"];
        Assert.Null(lead.SeatsPerRegion);
        Assert.Null(lead.Seats);
        Assert.Empty(lead.MinPerRegion);
        Assert.Equal(2, policy.Elections.SupportRequired);
        Assert.True(policy.Elections.ObjectionsVeto);
        Assert.Equal(["member", "tech_lead"], policy.Elections.Candidates);
        Assert.Equal(Policy.Default.Labels, policy.Labels);
    }

    [Fact]
    public void Under_the_consensus_example_every_nominee_two_leads_support_is_seated_unless_a_lead_objects()
    {
        var policy = File.ReadAllText(Path.Combine(Examples, "tagbot-consensus.yml"));
        var scenario = Path.Combine(_directory.FullName, "consensus.yml");
        File.WriteAllText(scenario, $$"""
            policy: |
            {{string.Join("\n", policy.Split('\n').Select(l => "  " + l))}}
            roster: |
              people:
                - { github: carla, company: Acme, region: EMEA }
                - { github: lee, company: Initech, region: APAC }
                - { github: lou, company: Globex, region: Americas }
                - { github: mia, company: Umbrella, region: EMEA }
                - { github: max, company: Hooli, region: EMEA }
                - { github: may, company: Wonka, region: EMEA }
                - { github: mo, company: Stark, region: APAC }
              roles:
                chair: [{ github: carla, term: { start: 2025-01-01, end: 2027-01-01 } }]
                tech_lead:
                  - { github: lee, term: { start: 2025-01-01, end: 2027-01-01 } }
                  - { github: lou, term: { start: 2025-01-01, end: 2027-01-01 } }
                member: [{ github: mia }, { github: max }, { github: may }, { github: mo }]
            issue: { number: 7, title: Tech leads, author: carla, created: 2026-03-02T09:00:00Z, labels: [nomination] }
            comments:
              - { author: mia, at: 2026-03-02T10:00:00Z, body: /nominate }
              - { author: max, at: 2026-03-02T10:01:00Z, body: /nominate }
              - { author: may, at: 2026-03-02T10:02:00Z, body: /nominate }
              - { author: mo, at: 2026-03-02T10:03:00Z, body: /nominate }
              - { author: lee, at: 2026-03-03T10:00:00Z, body: "/support @mia @max @may" }
              - { author: lou, at: 2026-03-03T11:00:00Z, body: "/support @mia @max" }
              - { author: carla, at: 2026-03-03T12:00:00Z, body: "/support @may" }
              - { author: mia, at: 2026-03-03T13:00:00Z, body: "/support @mo" }
              - { author: max, at: 2026-03-03T13:01:00Z, body: "/support @mo" }
              - { author: lou, at: 2026-03-04T09:00:00Z, body: "/object @may has not reviewed anything this year" }
              - { author: carla, at: 2026-03-10T09:00:00Z, body: /close-election }
            """);
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = SimulateCommand.Run(new FileInfo(scenario), output, error);

        Assert.True(exitCode == 0, error.ToString());
        var text = output.ToString();
        // No caps: both nominees with two binding supports and no objection are seated, in EMEA alike.
        Assert.Contains("+    - { github: mia, term: { start: 2026-03-10, end: 2028-03-10 } }", text, StringComparison.Ordinal);
        Assert.Contains("+    - { github: max, term: { start: 2026-03-10, end: 2028-03-10 } }", text, StringComparison.Ordinal);
        // A lead's objection vetoes; members' supports are not binding.
        Assert.Contains("| @may | 2 | not electable: vetoed by a binding objection (@lou) |", text, StringComparison.Ordinal);
        Assert.Contains("| @mo | 0 | not electable: needs 2 more binding supports |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("github: may, term:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("github: mo, term:", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Forms() => new()
    {
        { "proposal.yml", Policy.Default.Proposals.Label },
        { "nomination.yml", Policy.Default.Elections.Label },
    };

    private static YamlMappingNode Form(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Examples, ".github", "ISSUE_TEMPLATE", name));
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(stream.Documents.Single().RootNode);
    }

    private static string Scalar(YamlMappingNode map, string key)
    {
        Assert.True(map.Children.TryGetValue(new YamlScalarNode(key), out var node), $"missing `{key}`");
        var value = Assert.IsType<YamlScalarNode>(node).Value;
        Assert.False(string.IsNullOrWhiteSpace(value), $"`{key}` is empty");
        return value!;
    }

    private static T Child<T>(YamlMappingNode map, string key)
        where T : YamlNode
    {
        Assert.True(map.Children.TryGetValue(new YamlScalarNode(key), out var node), $"missing `{key}`");
        return Assert.IsType<T>(node);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void An_issue_form_is_well_formed_and_applies_TagBot_s_label(string name, string label)
    {
        var form = Form(name);

        Scalar(form, "name");
        Scalar(form, "description");
        Assert.Contains(label, Child<YamlSequenceNode>(form, "labels").Select(l => ((YamlScalarNode)l).Value));
        var ids = new List<string>();
        var required = 0;
        foreach (var field in Child<YamlSequenceNode>(form, "body").Cast<YamlMappingNode>())
        {
            var type = Scalar(field, "type");
            Assert.Contains(type, FieldTypes);
            var attributes = Child<YamlMappingNode>(field, "attributes");
            if (type == "markdown")
            {
                Scalar(attributes, "value");
                continue;
            }

            ids.Add(Scalar(field, "id"));
            Scalar(attributes, "label");
            if (type == "dropdown")
            {
                Assert.NotEmpty(Child<YamlSequenceNode>(attributes, "options"));
            }

            if (field.Children.TryGetValue(new YamlScalarNode("validations"), out var validations)
                && Scalar((YamlMappingNode)validations, "required") == "true")
            {
                required++;
            }
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(required > 0, $"{name} has no required field");
    }

    [Fact]
    public void Each_role_the_nomination_form_offers_is_read_by_TagBot_from_the_issue_body()
    {
        var role = Child<YamlSequenceNode>(Form("nomination.yml"), "body").Cast<YamlMappingNode>()
            .Single(f => f.Children.TryGetValue(new YamlScalarNode("id"), out var id) && ((YamlScalarNode)id).Value == "role");
        var attributes = Child<YamlMappingNode>(role, "attributes");
        var options = Child<YamlSequenceNode>(attributes, "options").Select(o => ((YamlScalarNode)o).Value!).ToList();

        Assert.Equal("true", Scalar(Child<YamlMappingNode>(role, "validations"), "required"));
        Assert.Equal(Policy.Default.Roles.Keys.Order(StringComparer.Ordinal), options.Select(o => o["role: ".Length..]).Order(StringComparer.Ordinal));
        foreach (var option in options)
        {
            // GitHub writes each field of a form into the body as "### Label" and the answer.
            var body = $"### {Scalar(attributes, "label")}\n\n{option}\n\n### Notes\n\n_No response_";
            var (resolved, problem) = ElectionRole.Resolve(body, Policy.Default);
            Assert.Null(problem);
            Assert.Equal(option["role: ".Length..], resolved);
        }
    }
}
