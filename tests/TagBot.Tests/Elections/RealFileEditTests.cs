using System.Text;
using TagBot.Core.Rosters;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Elections;

/// <summary>
/// Roster files as operators really save them, edited through the real bot over HTTP: a UTF-8
/// byte-order mark and CRLF (a Windows editor), and YAML anchors and aliases.
/// </summary>
public sealed class RealFileEditTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private const string RosterPath = "governance/roster.yaml";
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    /// <param name="leeEnds">When lead lee's term ends (in the past: the close retires lee).</param>
    /// <param name="aliases">YAML anchors and aliases: carla's chair entry is anchored and reused as a tech lead, lee's as a member.</param>
    private static string Roster(string leeEnds, bool aliases = false) => $$"""
        # Edited on Windows
        people:
          - { github: chair-carla, region: EMEA }
          - { github: apac-ann, region: APAC }
          - { github: apac-dan, region: APAC }
        roles:
          chair:
            - {{(aliases ? "&carla " : "")}}{ github: chair-carla, term: { start: 2025-01-01, end: 2030-01-01 } }
          tech_lead:
            - {{(aliases ? "&lee " : "")}}{ github: lee, term: { start: 2024-01-01, end: {{leeEnds}} } }{{(aliases ? "\n    - *carla" : "")}}
          member:
            - { github: apac-ann }
            - { github: apac-dan }{{(aliases ? "\n    - *lee" : "")}}
        emeritus: []

        """;

    private const string Later = "2030-01-01";

    private string Yesterday => DateOnly.FromDateTime(_world.Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> ElectAnnAsync()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.CommentAsync(issue, "apac-dan", "/support @apac-ann");
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();
        return issue;
    }

    [Fact]
    public async Task A_roster_and_policy_with_a_byte_order_mark_and_CRLF_are_read_and_the_edit_keeps_both()
    {
        GitHub.SetFile(Repo, ".github/tagbot.yml", [.. Bom, .. Encoding.UTF8.GetBytes("proposals:\r\n  support_required: 2\r\n")]);
        GitHub.SetFile(Repo, RosterPath, [.. Bom, .. Encoding.UTF8.GetBytes(Roster(Later).ReplaceLineEndings("\r\n"))]);

        var issue = await ElectAnnAsync();

        var status = Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).Body;
        Assert.DoesNotContain("invalid", status, StringComparison.Ordinal);
        var pull = Assert.Single(GitHub.PullRequests(Repo));
        var edited = GitHub.GetFile(Repo, RosterPath, pull.HeadRef)!.Content.ToArray();
        Assert.Equal(Bom, edited[..3]);
        var text = Encoding.UTF8.GetString(edited[3..]);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("# Edited on Windows\r\n", text, StringComparison.Ordinal);
        Assert.Contains(RosterReader.Read(text, RosterPath).Roster!.HoldersOf("tech_lead"), h => h.GitHub == "apac-ann");
    }

    [Fact]
    public async Task An_alias_item_in_an_edited_list_is_edited_and_the_file_stays_valid_YAML()
    {
        GitHub.SetFile(Repo, RosterPath, Roster(Later, aliases: true));

        var issue = await ElectAnnAsync();

        var pull = Assert.Single(GitHub.PullRequests(Repo));
        var text = GitHub.GetFile(Repo, RosterPath, pull.HeadRef)!.Text;
        var roster = RosterReader.Read(text, RosterPath);
        Assert.True(roster.IsValid, string.Join("\n", roster.Errors));
        Assert.Equal(["lee", "chair-carla", "apac-ann"], roster.Roster!.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Contains("    - *carla\n", text, StringComparison.Ordinal);
        Assert.Contains("roster/pr-open", _world.Labels(issue));
    }

    [Fact]
    public async Task Retiring_an_anchored_lead_used_elsewhere_is_refused_in_the_status_comment_naming_the_alias_line()
    {
        // lee's term has ended: the close retires lee, whose entry `&lee` the member list reuses.
        GitHub.SetFile(Repo, RosterPath, Roster(Yesterday, aliases: true));

        var issue = await ElectAnnAsync();

        Assert.Empty(GitHub.PullRequests(Repo));
        var status = Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).Body;
        Assert.True(status.Contains("The roster pull request cannot be prepared", StringComparison.Ordinal), status);
        Assert.True(status.Contains($"{RosterPath}:15:", StringComparison.Ordinal), status);
        Assert.Contains("*lee", status, StringComparison.Ordinal);
    }
}
