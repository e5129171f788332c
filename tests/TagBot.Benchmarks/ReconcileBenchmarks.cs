using BenchmarkDotNet.Attributes;
using TagBot.Core.Governance;

namespace TagBot.Benchmarks;

/// <summary>
/// The core's share of a reconcile: parsing every comment, tallying and rendering, for issues
/// with 1,000 and 10,000 comments (target: 10,000 comments in 20 ms or less on 2 cores).
/// </summary>
[MemoryDiagnoser]
public class ReconcileBenchmarks
{
    private DecisionInput _proposal = null!;
    private DecisionInput _election = null!;

    [Params(1_000, 10_000)]
    public int Comments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var roster = Issues.Roster(500);
        _proposal = Issues.Proposal(Comments, roster);
        _election = Issues.Election(Comments, roster);
    }

    [Benchmark]
    public DesiredState Proposal() => IssueDecider.Decide(_proposal);

    [Benchmark]
    public DesiredState Election() => IssueDecider.Decide(_election);
}
