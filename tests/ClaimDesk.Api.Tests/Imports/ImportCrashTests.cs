using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClaimDesk.Api.Tests.Imports;

[Collection(ProcessCollection.Name)]
public sealed class ImportCrashTests
{
    private const int Articles = 200;

    [Fact]
    public async Task An_import_killed_halfway_resumes_after_a_restart_with_no_line_lost_or_registered_twice()
    {
        var outlet = "Crash Outlet " + Guid.NewGuid().ToString("N")[..8];
        // Small chunks, so the kill lands between commits with most of the file still to do.
        KeyValuePair<string, string>[] settings = [new("ClaimDesk:Imports:ChunkSize", "5"), new("ClaimDesk:Jobs:WorkerCount", "1")];
        var lines = Enumerable.Range(0, Articles).Select(i => ImportTests.Line(outlet, Stories.Unique(), claims: [new { text = $"Budget line {i} was approved by the harbour council." }]));
        await using var desk = await DeskProcess.StartAsync("all", settings);
        using var admin = desk.Client();
        var response = await admin.PostAsync("/api/v1/imports", ImportTests.Ndjson(string.Join("\n", lines)));
        await response.ShouldBe(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();
        await Eventually.SignalAsync(() => admin.GetFromJsonAsync<JsonElement>(location),
            i => i.GetProperty("processed").GetInt32() >= 10, "the import getting under way", seconds: 60);
        await desk.KillAsync();
        var (state, cursor) = ReadImport(desk.DatabasePath, long.Parse(location.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(state != "Completed" && cursor < Articles, $"the kill came too late to test anything: {state}, cursor {cursor}");

        // A new process on the same database: the start-up sweep finds the unfinished import and a worker resumes it.
        await desk.RestartAsync();
        var import = await ImportTests.WaitForCompletionAsync(admin, location, seconds: 120);

        Assert.Equal(Articles, import.GetProperty("processed").GetInt32());
        Assert.Equal(Articles, import.GetProperty("registered").GetInt32());
        Assert.Equal(0, import.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, import.GetProperty("failed").GetInt32());
        Assert.Equal(Articles, import.GetProperty("claims").GetInt32());
        // Counted in the desk itself, not the import's own tally: every article once, and every claim once (a replayed
        // chunk would have found its articles as duplicates but registered its claims again).
        var articles = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/articles?outlet={Uri.EscapeDataString(outlet)}&pageSize=1");
        Assert.Equal(Articles, articles.GetProperty("total").GetInt32());
        var claims = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims?outlet={Uri.EscapeDataString(outlet)}&pageSize=1");
        Assert.Equal(Articles, claims.GetProperty("total").GetInt32());
    }

    private static (string State, int Cursor) ReadImport(string databasePath, long id)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT State, Cursor FROM Imports WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetInt32(1));
    }
}
