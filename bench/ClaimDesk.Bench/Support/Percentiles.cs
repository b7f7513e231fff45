namespace ClaimDesk.Bench.Support;

public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(List<double> milliseconds)
    {
        milliseconds.Sort();
        return $"p50 {Of(milliseconds, 50),7:0.00} ms  p95 {Of(milliseconds, 95),7:0.00} ms  p99 {Of(milliseconds, 99),7:0.00} ms";
    }
}
