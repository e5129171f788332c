using TagBot.Core.Elections;
using TagBot.Core.Governance;
using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Tests.Elections;

/// <summary>
/// An election issue built comment by comment and tallied through the real engine, with the seed's
/// defaults: APAC, EMEA and Americas with 2 tech-lead seats each, 24-month terms, two elections a year.
/// </summary>
public sealed class ElectionScenario
{
    /// <summary>
    /// As of <see cref="Opened"/> (next election 2026-09-02): APAC has lead-lee continuing and lead-old's
    /// expired term up; EMEA has lead-eve continuing and lead-ema's term ending 2026-09-01 up; Americas
    /// has nobody. So 1 seat is up in APAC, 1 in EMEA and 2 in the Americas.
    /// </summary>
    public const string RosterYaml = """
        people:
          - { github: chair-carla, name: Carla, company: Acme, region: EMEA }
          - { github: lead-lee, company: Initech, region: APAC }
          - { github: lead-old, company: Globex, region: APAC }
          - { github: lead-ema, company: Acme, region: EMEA }
          - { github: lead-eve, company: Hooli, region: EMEA }
          - { github: member-mia, company: Globex, region: Americas }
          - { github: member-amy, company: Umbrella, region: Americas }
          - { github: member-max, company: Initech, region: APAC }
          - { github: member-kai, company: Acme, region: APAC }
          - { github: member-noregion, company: Acme }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
          tech_lead:
            - { github: lead-lee, term: { start: 2025-03-01, end: 2027-03-01 } }
            - { github: lead-old, term: { start: 2024-03-01, end: 2026-03-01 } }
            - { github: lead-ema, term: { start: 2024-09-01, end: 2026-09-01 } }
            - { github: lead-eve, term: { start: 2025-09-01, end: 2027-09-01 } }
          member:
            - { github: member-mia }
            - { github: member-amy }
            - { github: member-max }
            - { github: member-kai }
            - { github: member-noregion }
            - { github: Member-Moe }
        emeritus:
          - { github: lead-old, role: tech_lead, term: { start: 2022-03-01, end: 2024-03-01 } }
        """;

    public static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IssueComment> _comments = [];
    private long _nextId = 5000;

    public Policy Policy { get; set; } = Policy.Default;

    public Roster Roster { get; set; } = ReadRoster(RosterYaml);

    public List<string> Labels { get; } = ["nomination"];

    public string? Body { get; set; } = "Nominations for the spring tech-lead election.";

    public RosterPullRequestState PullRequest { get; set; } = RosterPullRequestState.None;

    public DateTimeOffset CreatedAt { get; set; } = Opened;

    public static Roster ReadRoster(string yaml) => RosterReader.Read(yaml, "governance/roster.yaml").Roster!;

    /// <summary>The electorate file as the host read it (with <c>elections.electorate</c> in <see cref="Policy"/>); null: none, or unreadable.</summary>
    public ElectorateFile? Electorate { get; set; }

    public Authority Authority => new(Policy, Roster, Electorate);

    public long Comment(string author, string body, double daysAfterOpening = 1)
    {
        var id = _nextId++;
        return CommentAt(author, body, CreatedAt.AddDays(daysAfterOpening).AddMinutes(id - 5000), id);
    }

    public long CommentAt(string author, string body, DateTimeOffset at, long? id = null)
    {
        var commentId = id ?? _nextId++;
        _comments.Add(new IssueComment(commentId, author, author.EndsWith("[bot]", StringComparison.Ordinal), body, at,
            $"https://github.com/o/r/issues/7#issuecomment-{commentId}"));
        return commentId;
    }

    public void Edit(long id, string body)
    {
        var index = _comments.FindIndex(c => c.Id == id);
        _comments[index] = _comments[index] with { Body = body };
    }

    public void Delete(long id) => _comments.RemoveAll(c => c.Id == id);

    /// <summary>Adds TagBot's status comment, as after a first reconcile.</summary>
    public void SeenByTagBot() => CommentAt("tagbot[bot]", Markers.Status + "\nstatus", CreatedAt.AddMinutes(1));

    public IssueSnapshot Issue => new("o/r", 7, "Tech lead election", "chair-carla", CreatedAt, true, Labels, _comments,
        "https://github.com/o/r/issues/7");

    /// <summary>With <c>elections.ballot: secret</c>: what the host's ballot box says.</summary>
    public TagBot.Core.Elections.Voting.SecretBallots Ballots { get; set; } = TagBot.Core.Elections.Voting.SecretBallots.None;

    /// <summary>The moment of the tally: 30 days after opening unless set.</summary>
    public DateTimeOffset? Now { get; set; }

    public ElectionContext Context => new(Body, _comments.Any(c => c.AuthorIsBot && Markers.IsStatus(c.Body)), PullRequest) { Ballots = Ballots, Record = Record };

    /// <summary>The frozen record the tally reads (its deadlines); null: none.</summary>
    public TagBot.Core.Elections.Record.ElectionRecord? Record { get; set; }

    public ElectionTally Tally() =>
        ElectionEngine.Tally(Authority, Issue, Context, Now ?? CreatedAt.AddDays(30), () => HelpText.Render(TagBot.Core.Commands.IssueKind.Election));

    public string Status() => ElectionStatus.Render(Tally(), Authority, []);

    public IReadOnlySet<string> DesiredLabels() => ElectionLabels.Desired(Tally(), Policy.Labels);

    public Verdict VerdictOf(long commentId) => Tally().Verdicts.Single(v => v.Comment.Id == commentId);

    public string RefusalOf(long commentId)
    {
        var verdict = VerdictOf(commentId);
        Assert.False(verdict.Applied, $"expected `{verdict.Command.Text}` to be refused");
        return verdict.Message!;
    }

    public void AssertApplied(long commentId)
    {
        foreach (var verdict in Tally().Verdicts.Where(v => v.Comment.Id == commentId))
        {
            Assert.True(verdict.Applied, $"`{verdict.Command.Text}` was refused: {verdict.Message}");
        }
    }

    public NomineeRow Row(string nominee) => Tally().Nominees.Single(r => string.Equals(r.Nominee, nominee, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<string> Elected(SeatAllocation? allocation) => [.. allocation!.Elected.Select(e => e.Candidate.GitHub)];
}
