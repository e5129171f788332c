using System.Text;
using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Policies;

/// <summary>
/// <see cref="PolicyReference"/> against the loader, both ways: every key the loader accepts is
/// documented (so a new key without documentation fails here), and every documented key, written
/// with its documented default, loads into exactly <see cref="Policy.Default"/>.
/// </summary>
public sealed class PolicyReferenceTests
{
    private const string Probe = "x_undocumented_probe";

    /// <summary>The role a <c>roles.ROLE</c> section is probed with.</summary>
    private const string SampleRole = "tech_lead";

    /// <summary>
    /// The sections with fixed keys, taken from the reference itself (the top level, <c>roster</c>,
    /// <c>roles.ROLE</c>, <c>proposals</c>, ...), so a nested section added to the reference is probed too.
    /// </summary>
    public static TheoryData<string> Sections()
    {
        var sections = new TheoryData<string>();
        foreach (var section in PolicyReference.Keys.Select(k => Parent(k.Path)).Distinct(StringComparer.Ordinal))
        {
            sections.Add(section);
        }

        return sections;
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_key_the_loader_accepts_in_a_section_is_documented(string section)
    {
        var accepted = AcceptedKeys(section);

        Assert.NotEmpty(accepted);
        var documented = PolicyReference.Keys.Select(k => k.Path).ToList();
        var prefix = section.Length == 0 ? "" : section + ".";
        var missing = accepted
            .Where(key => !documented.Any(path => path == prefix + key || path.StartsWith(prefix + key + ".", StringComparison.Ordinal)))
            .ToList();
        Assert.True(missing.Count == 0,
            $"The loader accepts {string.Join(", ", missing.Select(k => prefix + k))}, which PolicyReference.Keys does not document: add an entry.");
    }

    [Fact]
    public void Every_documented_key_written_with_its_documented_default_loads_into_the_default_policy()
    {
        var file = DefaultsFile();

        var loaded = PolicyLoader.Load(file);

        Assert.True(loaded.IsValid, file + "\n" + string.Join("\n", loaded.Errors));
        Assert.Equal(Policy.Default, loaded.Policy);
    }

    [Fact]
    public void A_documented_value_follows_the_policy_it_is_read_from()
    {
        var policy = PolicyLoader.Load("""
            roster: { format: cncf-toc, entry: tag-security }
            roles: { tech_lead: { seats: 4, elections_per_year: 1 } }
            elections: { tie_break: earliest-nomination, reviewers: [cncf/toc] }
            """).Policy!;

        string Value(string path, string? role = null) => PolicyReference.Keys.Single(k => k.Path == path).ValueIn(policy, role);

        Assert.Equal("cncf-toc", Value("roster.format"));
        Assert.Equal("tag-security", Value("roster.entry"));
        Assert.Equal("4", Value("roles.ROLE.seats", "tech_lead"));
        Assert.Equal("null", Value("roles.ROLE.seats_per_region", "tech_lead"));
        Assert.Equal("1", Value("roles.ROLE.elections_per_year", "tech_lead"));
        Assert.Equal("earliest-nomination", Value("elections.tie_break"));
        Assert.Equal("[cncf/toc]", Value("elections.reviewers"));
    }

    [Fact]
    public void Role_keys_show_each_default_role_s_value_when_they_differ()
    {
        string Default(string path) => PolicyReference.Keys.Single(k => k.Path == path).Default;

        Assert.Equal("`24`", Default("roles.ROLE.term_months"));
        Assert.Equal("chair and new roles: `1`; tech_lead: `2`", Default("roles.ROLE.elections_per_year"));
        Assert.Equal("chair and new roles: `null`; tech_lead: `{APAC: 2, EMEA: 2, Americas: 2}`", Default("roles.ROLE.seats_per_region"));
        Assert.Equal("`[chair, tech_lead, member]`", Default("voters"));
        Assert.Equal("`null`", Default("roster.entry"));
    }

    [Fact]
    public void Keys_are_unique_and_fit_in_a_markdown_table()
    {
        var paths = PolicyReference.Keys.Select(k => k.Path).ToList();

        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
        foreach (var key in PolicyReference.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(key.Meaning), key.Path);
            Assert.DoesNotContain('|', key.Type + key.Meaning + key.Default);
            Assert.DoesNotContain('\n', key.Type + key.Meaning + key.Default);
        }

        Assert.Equal(paths.Count + 2, PolicyReference.Markdown().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>
    /// The keys the loader accepts in <paramref name="section"/>: a file with an unknown key there is
    /// answered "unknown key 'x'; expected one of: a, b, c".
    /// </summary>
    private static List<string> AcceptedKeys(string section)
    {
        var path = section.Replace("ROLE", SampleRole, StringComparison.Ordinal);
        var tree = new Tree();
        tree.Set(path.Length == 0 ? Probe : $"{path}.{Probe}", "1");

        var errors = PolicyLoader.Load(tree.Render()).Errors;

        var error = Assert.Single(errors, e => e.Message.StartsWith($"unknown key '{Probe}'", StringComparison.Ordinal));
        const string List = "expected one of: ";
        var at = error.Message.IndexOf(List, StringComparison.Ordinal);
        Assert.True(at >= 0, error.Message);
        return [.. error.Message[(at + List.Length)..].Split(", ").Select(k => k.Trim())];
    }

    /// <summary>Every documented key, role keys once per default role, each set to its documented default.</summary>
    private static string DefaultsFile()
    {
        var tree = new Tree();
        foreach (var key in PolicyReference.Keys)
        {
            if (key.IsRoleKey)
            {
                foreach (var role in Policy.Default.Roles.Keys)
                {
                    tree.Set(key.Path.Replace("ROLE", role, StringComparison.Ordinal), key.ValueIn(Policy.Default, role));
                }
            }
            else
            {
                tree.Set(key.Path, key.ValueIn(Policy.Default));
            }
        }

        return tree.Render();
    }

    private static string Parent(string path) => path.LastIndexOf('.') is var dot and >= 0 ? path[..dot] : "";

    /// <summary>Dotted paths to a block-style YAML document, in insertion order.</summary>
    private sealed class Tree
    {
        private readonly List<(string Key, object Value)> _entries = [];

        public void Set(string path, string value)
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                _entries.Add((path, value));
                return;
            }

            var head = path[..dot];
            if (_entries.FirstOrDefault(e => e.Key == head).Value is not Tree child)
            {
                child = new Tree();
                _entries.Add((head, child));
            }

            child.Set(path[(dot + 1)..], value);
        }

        public string Render(int indent = 0)
        {
            var text = new StringBuilder();
            foreach (var (key, value) in _entries)
            {
                text.Append(' ', indent).Append(key).Append(':');
                if (value is Tree child)
                {
                    text.Append('\n').Append(child.Render(indent + 2));
                }
                else
                {
                    text.Append(' ').Append(value).Append('\n');
                }
            }

            return text.ToString();
        }
    }
}
