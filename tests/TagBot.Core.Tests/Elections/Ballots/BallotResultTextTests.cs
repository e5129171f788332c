using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Tests.Elections.Ballots;

public sealed class BallotResultTextTests
{
    [Fact]
    public void Ranked_result_shows_places_scores_and_both_matrices_in_result_order()
    {
        Ballot[] ballots = [Ballot.Ranking("carol", "alice", "bob"), Ballot.Ranking("carol", "bob"), Ballot.Ranking("alice")];

        var text = BallotResultText.Render(BallotCount.Count(BallotKind.Ranked, ["alice", "bob", "carol"], ballots));

        Assert.Equal(
            """
            **Ranked ballots, counted by the Schulze method.** 3 ballots counted.

            | Place | Candidate | Candidates below |
            |---|---|---|
            | 1 | @carol | 2 |
            | 2 | @alice | 1 |
            | 3 | @bob | 0 |

            <details><summary>Pairwise preferences (d) and strongest paths (p)</summary>

            d: ballots ranking the row's candidate above the column's. p: the strength of the strongest path from the row's candidate to the column's (a path is as strong as its weakest win). Bold: the row's candidate has the upper hand; whoever has it in p is placed higher.

            | d | 1 | 2 | 3 |
            |---|---|---|---|
            | 1 @carol | — | **2** | **2** |
            | 2 @alice | 1 | — | **2** |
            | 3 @bob | 0 | 1 | — |

            | p | 1 | 2 | 3 |
            |---|---|---|---|
            | 1 @carol | — | **2** | **2** |
            | 2 @alice | 0 | — | **2** |
            | 3 @bob | 0 | 0 | — |

            </details>

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Approval_result_shows_approvals_with_shared_places_and_the_ballots_not_counted()
    {
        CastBallot[] ballots =
        [
            new("K1", Ballot.Approving("alice", "bob")),
            new("K2", Ballot.Approving("zed")),
            new("K3", Ballot.Approving("carol")),
        ];

        var text = BallotResultText.Render(BallotCount.CountCast(BallotKind.Approval, ["alice", "bob", "carol", "dave"], ballots));

        Assert.Equal(
            """
            **Approval ballots.** 2 ballots counted, 1 ballot not counted.

            | Place | Candidate | Approvals |
            |---|---|---|
            | 1 (tied) | @alice | 1 |
            | 1 (tied) | @bob | 1 |
            | 1 (tied) | @carol | 1 |
            | 4 | @dave | 0 |

            Not counted:

            - ballot `K2`: @zed is not a candidate (the candidates are @alice, @bob, @carol, @dave).

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Twenty_candidates_render_as_three_tables_of_one_line_per_candidate()
    {
        var candidates = Enumerable.Range(1, 20).Select(i => $"candidate-{i:D2}").ToList();
        var random = new Random(7);
        var ballots = Enumerable.Range(0, 50).Select(_ => RandomBallots.OneBallot(random, candidates)).ToList();

        var text = BallotResultText.Render(BallotCount.Count(BallotKind.Ranked, candidates, ballots));

        var tables = Markdown.Parse(text, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()).Descendants<Table>().ToList();
        Assert.Equal(3, tables.Count);
        Assert.All(tables, t => Assert.Equal(21, t.Count));
        Assert.Equal(21, ((TableRow)tables[1][0]).Count);
        // Numbered columns keep a matrix row short: 20 cells of at most 4 characters after the login.
        Assert.All(text.Split('\n'), line => Assert.True(line.Length < 320, line));
    }

    [Fact]
    public void An_election_without_candidates_renders_only_the_count()
    {
        Assert.Equal(
            "**Ranked ballots, counted by the Schulze method.** 0 ballots counted.\n",
            BallotResultText.Render(BallotCount.Count(BallotKind.Ranked, [], [])));
    }
}
