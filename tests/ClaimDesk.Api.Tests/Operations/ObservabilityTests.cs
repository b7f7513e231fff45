using System.Diagnostics.Metrics;
using System.Net;
using ClaimDesk.Api.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ClaimDesk.Api.Tests.Operations;

[Collection(RestartCollection.Name)]
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Jobs_and_corroboration_latency_are_measured()
    {
        var measurements = new System.Collections.Concurrent.ConcurrentBag<(string Name, double Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "ClaimDesk") l.EnableMeasurementEvents(instrument); },
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => measurements.Add((i.Name, v)));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => measurements.Add((i.Name, v)));
        listener.Start();

        await using var desk = new RestartableDesk(RestartableDesk.NewDirectory(), "all");
        var story = Stories.Unique();
        var article = await desk.Admin.RegisterOwnArticleAsync(body: story.Article);
        var claim = await desk.Admin.RegisterClaimAsync(article.Id(), story.Claim);
        await desk.Admin.WaitForStatusAsync(claim.Id(), "needsReview");

        Assert.Contains(measurements, m => m.Name == "claimdesk.jobs.processed");
        Assert.Contains(measurements, m => m.Name == "claimdesk.corroboration.latency" && m.Value > 0);
        listener.RecordObservableInstruments();
        Assert.Contains(measurements, m => m.Name == "claimdesk.jobs.queue_length");
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_is_gone_and_liveness_does_not()
    {
        var directory = RestartableDesk.NewDirectory();
        await using var desk = new RestartableDesk(directory, "all");
        Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/health/ready")).StatusCode);

        // The database's folder disappears and a file takes its place: nothing can open the database any more.
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        await File.WriteAllTextAsync(directory, "not a folder");
        try
        {
            SqliteConnection.ClearAllPools();
            var ready = await desk.Anonymous.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await desk.Anonymous.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            File.Delete(directory);
        }
    }

    [Fact]
    public async Task Traces_and_metrics_are_recorded_only_when_there_is_somewhere_to_export_them()
    {
        await using var quiet = new RestartableDesk(RestartableDesk.NewDirectory(), "api");
        await using var exporting = new RestartableDesk(RestartableDesk.NewDirectory(), "api",
            new KeyValuePair<string, string>("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9")); // nothing listens there

        Assert.Null(quiet.Services.GetService<TracerProvider>());
        Assert.Null(quiet.Services.GetService<MeterProvider>());
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
        Assert.NotNull(exporting.Services.GetService<MeterProvider>());
        // Either way the desk answers: an exporter with nowhere to send does not get in the way.
        Assert.Equal(HttpStatusCode.OK, (await exporting.Anonymous.GetAsync("/health/ready")).StatusCode);
    }
}
