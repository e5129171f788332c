using BenchmarkDotNet.Attributes;
using TagBot.Core.Commands;

namespace TagBot.Benchmarks;

/// <summary>Command parsing on typical and large comment bodies.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private readonly string _short = "Thanks, this looks good to me.\n\n/support";
    private readonly string _large = string.Concat(Enumerable.Repeat("Some discussion with `code`, a [link](https://example.org) and > quotes.\n\n", 800)) + "/object too long\n";

    [Benchmark]
    public IReadOnlyList<Command> ShortComment() => CommandReader.Read(_short, IssueKind.Proposal);

    [Benchmark]
    public IReadOnlyList<Command> LargeComment64K() => CommandReader.Read(_large, IssueKind.Proposal);
}
