namespace ClaimDesk.Bench;

/// <summary>
/// A measured run that is not a BenchmarkDotNet micro-benchmark (load runs, latency percentiles).
/// Every scenario reports its figures beside a baseline measured in the same run.
/// </summary>
public interface IBenchScenario
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}
