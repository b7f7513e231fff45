using System.Globalization;
using ClaimDesk.Api.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClaimDesk.Api.Tests.Operations;

/// <summary>
/// Server-Timing is how the bench tells the desk's own time from the client's and the loopback's: off unless asked for,
/// and then on every answer (API, console, problems) with the time the desk took to start its answer.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class ServerTimingTests : IDisposable
{
    private readonly string _directory = RestartableDesk.NewDirectory();

    [Fact]
    public async Task Answers_say_how_long_the_desk_took_only_when_configured_to()
    {
        await using (var quiet = new RestartableDesk(_directory, "api"))
        {
            var answer = await quiet.Admin.GetAsync("/api/v1/claims");
            Assert.True(answer.IsSuccessStatusCode);
            Assert.False(answer.Headers.Contains("Server-Timing"));
        }

        await using var timed = new RestartableDesk(_directory, "api", new KeyValuePair<string, string>("ClaimDesk:Observability:ServerTiming", "true"));
        foreach (var (client, path) in new[] { (timed.Admin, "/api/v1/claims"), (timed.Anonymous, "/console/sign-in"), (timed.Anonymous, "/api/v1/claims") })
        {
            var answer = await client.GetAsync(path);
            var header = Assert.Single(answer.Headers.GetValues("Server-Timing"));
            Assert.StartsWith("app;dur=", header, StringComparison.Ordinal);
            var milliseconds = double.Parse(header["app;dur=".Length..], CultureInfo.InvariantCulture);
            Assert.True(milliseconds > 0, $"{path}: {header}");
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
