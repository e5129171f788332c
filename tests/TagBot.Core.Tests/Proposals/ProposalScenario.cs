using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Status;

namespace TagBot.Core.Tests.Proposals;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;

/// <summary>A proposal issue built comment by comment, decided through the real core.</summary>
public sealed class ProposalScenario
{
    public const string RosterYaml = """
        people:
          - { github: chair-carla, company: Acme, region: EMEA }
          - { github: lead-lee, company: Initech, region: APAC }
          - { github: member-mia, company: Globex, region: Americas }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
          tech_lead:
            - { github: lead-lee, term: { start: 2025-03-01, end: 2027-03-01 } }
          member:
            - { github: member-mia }
            - { github: Member-Max }
        """;

    public static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IssueComment> _comments = [];
    private long _nextId = 1000;

    public Policy Policy { get; set; } = Policy.Default;

    public Roster Roster { get; set; } = RosterReader.Read(RosterYaml, "governance/roster.yaml").Roster!;

    public List<string> Labels { get; } = ["proposal"];

    public bool IsOpen { get; set; } = true;

    public IReadOnlyList<IssueComment> Comments => _comments;

    public long Comment(string author, string body, double daysAfterOpening = 1)
    {
        var id = _nextId++;
        _comments.Add(new IssueComment(id, author, author.EndsWith("[bot]", StringComparison.Ordinal), body,
            Opened.AddDays(daysAfterOpening).AddMinutes(id - 1000), $"https://github.com/o/r/issues/1#issuecomment-{id}"));
        return id;
    }

    public void Edit(long id, string body)
    {
        var index = _comments.FindIndex(c => c.Id == id);
        _comments[index] = _comments[index] with { Body = body };
    }

    public void Delete(long id) => _comments.RemoveAll(c => c.Id == id);

    /// <summary>Adds TagBot's status comment, as after a first reconcile.</summary>
    public void SeenByTagBot() => Comment("tagbot[bot]", Markers.Status + "\nstatus", 0);

    public IssueSnapshot Issue => new("o/r", 1, "Tech Lead Lifecycle Revision", "chair-carla", Opened, IsOpen, Labels, _comments,
        "https://github.com/o/r/issues/1");

    public DesiredState Decide(double daysAfterOpening = 8) =>
        IssueDecider.Decide(new DecisionInput(Policy, Roster, Issue, Opened.AddDays(daysAfterOpening), []));
}
