using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimDesk.Api.Tests.Persistence;

/// <summary>
/// A desk upgraded from untyped audit events: a SQLite file made by the previous migrations, with events stored the way
/// the handlers wrote them then (before/after/detail JSON built from anonymous objects), is started by today's desk. The
/// migration numbers every claim's log in the order it was written; history reads the old entries as the typed changes
/// they were, and new entries carry on the numbering.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class ClaimEventUpgradeTests
{
    private const string PreviousMigration = "20261125175707_EvidencePerArticle";

    [Fact]
    public async Task Old_audit_entries_read_back_typed_numbered_per_claim_in_the_order_they_were_written()
    {
        var directory = RestartableDesk.NewDirectory();
        Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<SqliteClaimDeskDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "claimdesk.db")}").Options;
        await using (var db = new SqliteClaimDeskDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(PreviousMigration);
            const string at = "2025-01-02 10:00:00";
            await db.Database.OpenConnectionAsync();
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            // Two claims whose entries interleave by id; the shapes are those the handlers wrote before payloads existed.
            insert.CommandText = $$"""
                INSERT INTO Outlets (Id, Name, NormalizedName, CreatedAt) VALUES (1, 'Old Harbour Post', 'OLD HARBOUR POST', '{{at}}'), (2, 'Old Island Radio', 'OLD ISLAND RADIO', '{{at}}');
                INSERT INTO Articles (Id, OutletId, Title, Language, Text, ContentHash, State, CreatedAt, IndexedAt) VALUES
                  (1, 1, 'Source', 'en', 'The mayor opened the museum on 3 May.', 'h1', 'Indexed', '{{at}}', '{{at}}'),
                  (2, 2, 'Report', 'en', 'The mayor opened the museum on 3 May, the radio said.', 'h2', 'Indexed', '{{at}}', '{{at}}');
                INSERT INTO Claims (Id, ArticleId, Text, Kind, CheckWorthiness, Status, HasNewEvidence, CreatedAt, UpdatedAt, CreatedBy, Version) VALUES
                  (1, 1, 'The mayor opened the museum on 3 May', 'Factual', 0.8, 'InReview', 0, '{{at}}', '{{at}}', 'admin', 9),
                  (2, 1, 'The museum is free on Sundays', 'Factual', 0.5, 'NeedsReview', 0, '{{at}}', '{{at}}', 'admin', 3);
                INSERT INTO ClaimEvents (Id, ClaimId, At, Actor, Type, Before, After, Detail) VALUES
                  (1, 1, '{{at}}', 'admin', 'registered', NULL, '{"text":"The mayor opened the museum on 3 May","kind":"factual","claimant":null,"quote":{"start":0,"end":36},"status":"registered"}', NULL),
                  (2, 2, '{{at}}', 'admin', 'registered', NULL, '{"text":"The museum is free on Sundays","kind":"factual","claimant":null,"quote":null,"status":"registered"}', NULL),
                  (3, 1, '{{at}}', 'system', 'transition', '{"status":"registered"}', '{"status":"gathering"}', NULL),
                  (4, 1, '{{at}}', 'system', 'evidenceAdded', NULL, '{"run":"gathering","gatheringRunId":7,"items":[{"evidenceId":11,"articleId":2,"articleTitle":"Report","outletId":2,"outletName":"Old Island Radio","stance":"supports","score":0.91,"independent":true}]}', NULL),
                  (5, 1, '{{at}}', 'system', 'transition', '{"status":"gathering"}', '{"status":"needsReview"}', '{"evidenceAdded":1,"articlesConsidered":40,"articlesRelated":1,"capReached":false,"elapsedMs":12.5}'),
                  (6, 2, '{{at}}', 'admin', 'comment', NULL, '{"text":"Ask the museum."}', NULL),
                  (7, 1, '{{at}}', 'admin', 'assignment', '{"assignee":null}', '{"assignee":"old-reviewer"}', NULL),
                  (8, 1, '{{at}}', 'old-reviewer', 'evidenceAdded', NULL, '{"url":"https://records.example.org/minutes","stance":"supports","independent":true,"reviewState":"suggested","citedBy":"old-reviewer"}', NULL),
                  (9, 1, '{{at}}', 'admin', 'evidenceAccepted', '{"reviewState":"suggested","note":null}', '{"reviewState":"accepted","note":"Checked."}', '{"evidenceId":11,"stance":"supports"}'),
                  (10, 1, '{{at}}', 'old-reviewer', 'transition', '{"status":"needsReview","rationale":null,"duplicateOf":null}', '{"status":"inReview","rationale":null,"sourceUrl":null,"duplicateOf":null}', '{"move":"startReview","note":null}'),
                  (11, 1, '{{at}}', 'old-reviewer', 'edited', '{"claimant":"The mayor"}', '{"claimant":null}', NULL),
                  (12, 1, '{{at}}', 'admin', 'legacyNote', NULL, 'written by hand', NULL);
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await using var desk = new RestartableDesk(directory, "api");
        async Task<List<JsonElement>> HistoryOf(long claimId) =>
            (await desk.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{claimId}/history?pageSize=200")).GetProperty("items").EnumerateArray().ToList();

        var first = await HistoryOf(1);
        Assert.Equal([1L, 3, 4, 5, 7, 8, 9, 10, 11, 12], first.Select(e => e.Id()));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), first.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal([1L, 2], (await HistoryOf(2)).Select(e => e.GetProperty("sequence").GetInt64()));

        JsonElement Entry(long id) => first.Single(e => e.Id() == id);
        Assert.Equal(36, Entry(1).GetProperty("after").GetProperty("quote").GetProperty("end").GetInt32());
        Assert.Equal("gathering", Entry(3).GetProperty("after").GetProperty("status").GetString());
        var item = Assert.Single(Entry(4).GetProperty("after").GetProperty("items").EnumerateArray());
        Assert.Equal((11L, "Old Island Radio", "supports"), (item.GetProperty("evidenceId").GetInt64(), item.GetProperty("outletName").GetString(), item.GetProperty("stance").GetString()));
        Assert.Equal(40, Entry(5).GetProperty("detail").GetProperty("articlesConsidered").GetInt32());
        Assert.Equal("old-reviewer", Entry(7).GetProperty("after").GetProperty("assignee").GetString());
        Assert.Equal(JsonValueKind.Null, Entry(7).GetProperty("before").GetProperty("assignee").ValueKind);
        Assert.Equal("https://records.example.org/minutes", Entry(8).GetProperty("after").GetProperty("url").GetString());
        Assert.Equal("evidenceAdded", Entry(8).GetProperty("type").GetString());
        Assert.Equal(("accepted", 11L), (Entry(9).GetProperty("after").GetProperty("reviewState").GetString(), Entry(9).GetProperty("detail").GetProperty("evidenceId").GetInt64()));
        Assert.Equal("startReview", Entry(10).GetProperty("detail").GetProperty("move").GetString());
        // A cleared claimant stays "present and null", apart from a field that did not change.
        Assert.Equal(JsonValueKind.Null, Entry(11).GetProperty("after").GetProperty("claimant").ValueKind);
        Assert.False(Entry(11).GetProperty("after").TryGetProperty("text", out _));
        // An entry of no known kind keeps what it stored.
        Assert.Equal("written by hand", Entry(12).GetProperty("after").GetProperty("value").GetString());

        // What the desk writes now follows on.
        var comment = await desk.Admin.PostAsJsonAsync("/api/v1/claims/1/comments", new { text = "Upgraded." });
        await comment.ShouldBe(HttpStatusCode.Created, HttpStatusCode.OK);
        var last = (await HistoryOf(1)).Last();
        Assert.Equal((11L, "comment", "Upgraded."), (last.GetProperty("sequence").GetInt64(), last.GetProperty("type").GetString(), last.GetProperty("after").GetProperty("text").GetString()));
    }
}
