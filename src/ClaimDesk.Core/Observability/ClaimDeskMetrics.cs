using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ClaimDesk.Core.Observability;

/// <summary>The desk's own metrics and traces (meter and activity source "ClaimDesk"), exported with OpenTelemetry.</summary>
public static class ClaimDeskMetrics
{
    public const string Name = "ClaimDesk";
    public static readonly ActivitySource Activities = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> JobsProcessed = Meter.CreateCounter<long>("claimdesk.jobs.processed", description: "Background jobs that succeeded");
    private static readonly Counter<long> JobsFailed = Meter.CreateCounter<long>("claimdesk.jobs.failed", description: "Background job attempts that failed");
    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("claimdesk.jobs.duration", "ms", "Background job duration");
    private static readonly Histogram<double> CorroborationLatency = Meter.CreateHistogram<double>("claimdesk.corroboration.latency", "ms",
        "Gathering evidence for one claim (embed, search, stance), excluding queue wait");
    private static readonly Counter<long> EvidenceAdded = Meter.CreateCounter<long>("claimdesk.evidence.added", description: "Evidence rows added by the engine");

    public static void RecordJob(string job, bool succeeded, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("job", job);
        (succeeded ? JobsProcessed : JobsFailed).Add(1, tag);
        JobDuration.Record(duration.TotalMilliseconds, tag);
    }

    public static void RecordCorroboration(TimeSpan elapsed, int evidenceAdded)
    {
        CorroborationLatency.Record(elapsed.TotalMilliseconds);
        EvidenceAdded.Add(evidenceAdded);
    }

    /// <summary>Registers the queue-length gauge; the reader is given by the host (it knows the job storage).</summary>
    public static void ObserveQueueLength(Func<long> enqueued) =>
        Meter.CreateObservableGauge("claimdesk.jobs.queue_length", enqueued, description: "Jobs waiting in the queues");
}
