using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace ClaimDesk.Bench.Load;

/// <summary>
/// The baseline for the HTTP load runs: a bare minimal API in its own process with one POST that parses the same JSON
/// body and does a raw SQLite insert (WAL, same synchronous setting as ClaimDesk), and one GET that reads a page.
/// No auth, no validation, no pipeline, no ORM: the ceiling the framework and SQLite allow on this machine.
/// </summary>
public sealed class BaselineServer : IBenchScenario
{
    public string Name => "baseline-server";
    public string Description => "(used by the load runs) bare minimal API + raw SQLite insert";

    public async Task RunAsync(string[] args)
    {
        var port = args.SkipWhile(a => a != "--port").Skip(1).First();
        var database = args.SkipWhile(a => a != "--db").Skip(1).First();
        await using (var setup = new SqliteConnection($"Data Source={database}"))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS Claims (Id INTEGER PRIMARY KEY, ArticleId INTEGER, Text TEXT, CreatedAt TEXT);";
            await create.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var connectionString = $"Data Source={database}";
        app.MapGet("/health", () => "ok");
        app.MapPost("/claims", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Claims (ArticleId, Text, CreatedAt) VALUES ($a, $t, $c); SELECT last_insert_rowid();";
            insert.Parameters.AddWithValue("$a", body.RootElement.GetProperty("articleId").GetInt64());
            insert.Parameters.AddWithValue("$t", body.RootElement.GetProperty("text").GetString());
            insert.Parameters.AddWithValue("$c", DateTime.UtcNow.ToString("O"));
            var id = (long)(await insert.ExecuteScalarAsync())!;
            return Results.Created($"/claims/{id}", new { id });
        });
        app.MapGet("/claims", async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT Id, Text FROM Claims ORDER BY Id DESC LIMIT 25";
            var items = new List<object>();
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) items.Add(new { id = reader.GetInt64(0), text = reader.GetString(1) });
            return Results.Ok(items);
        });
        await app.RunAsync();
    }
}
