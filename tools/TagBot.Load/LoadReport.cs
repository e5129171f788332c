using System.Globalization;

namespace TagBot.Load;

/// <summary>Acknowledgement latency percentiles and throughput of one run.</summary>
public sealed record LoadReport(int Count, int Failures, double P50, double P90, double P99, double Max, double PerSecond)
{
    public static LoadReport From(double[] latencies, int failures, TimeSpan elapsed)
    {
        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LoadReport(sorted.Length, failures, At(0.50), At(0.90), At(0.99), sorted[^1], sorted.Length / elapsed.TotalSeconds);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"deliveries {Count}, failed {Failures}, {PerSecond:F0}/s; ack latency ms: p50 {P50:F2}, p90 {P90:F2}, p99 {P99:F2}, max {Max:F2}");
}
