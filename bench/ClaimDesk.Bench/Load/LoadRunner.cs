using System.Collections.Concurrent;
using System.Diagnostics;

namespace ClaimDesk.Bench.Load;

/// <summary>A bounded closed-loop load: N clients, each sending its next request when the last one answered, for a fixed time.</summary>
public static class LoadRunner
{
    public sealed record Result(string Operation, int Requests, int Failures, double Seconds, List<double> Milliseconds)
    {
        public double PerSecond => Requests / Seconds;
    }

    /// <param name="pick">Chooses the operation for request number i and sends it; returns the operation name and whether it succeeded.</param>
    public static async Task<IReadOnlyList<Result>> RunAsync(int clients, TimeSpan duration, Func<int, Task<(string Operation, bool Ok)>> pick)
    {
        var timings = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var failures = new ConcurrentDictionary<string, int>();
        var counter = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref counter);
                var started = Stopwatch.GetTimestamp();
                var (operation, ok) = await pick(i);
                timings.GetOrAdd(operation, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) failures.AddOrUpdate(operation, 1, (_, n) => n + 1);
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        return timings.Select(t => new Result(t.Key, t.Value.Count, failures.GetValueOrDefault(t.Key), seconds, t.Value.ToList()))
            .OrderBy(r => r.Operation).ToList();
    }
}
