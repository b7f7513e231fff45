using System.Net.Http.Json;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using ClaimDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClaimDesk.Api.Tests.Persistence;

/// <summary>
/// A desk upgraded from per-passage evidence: a SQLite file made by the previous migrations, with evidence rows the way
/// gathering wrote them then, is started by today's desk (which migrates it) and read through the API.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class EvidenceUpgradeTests
{
    private const string PreviousMigration = "20261125163933_CitationsAndVerdictProposals";

    [Fact]
    public async Task Per_passage_evidence_becomes_one_item_per_article_keeping_what_reviewers_decided()
    {
        var directory = RestartableDesk.NewDirectory();
        Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<SqliteClaimDeskDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "claimdesk.db")}").Options;
        await using (var db = new SqliteClaimDeskDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(PreviousMigration);
            const string at = "2025-01-02 10:00:00";
            const string dateMismatch = "{\"kind\":\"date\",\"claimValue\":\"2025-05-03\",\"passageValue\":\"2025-05-04\"}";
            await db.Database.OpenConnectionAsync();
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            insert.CommandText = $"""
                INSERT INTO Outlets (Id, Name, NormalizedName, CreatedAt) VALUES (1, 'Old Harbour Post', 'OLD HARBOUR POST', '{at}'), (2, 'Old Island Radio', 'OLD ISLAND RADIO', '{at}');
                INSERT INTO Articles (Id, OutletId, Title, Language, Text, ContentHash, State, CreatedAt, IndexedAt) VALUES
                  (1, 1, 'Source', 'en', 'The mayor opened the museum on 3 May.', 'h1', 'Indexed', '{at}', '{at}'),
                  (2, 2, 'Report', 'en', 'The mayor opened the museum. It was on 3 May. Crowds came.', 'h2', 'Indexed', '{at}', '{at}'),
                  (3, 2, 'Later report', 'en', 'Opening day. The museum opened on 4 May.', 'h3', 'Indexed', '{at}', '{at}');
                INSERT INTO Passages (Id, ArticleId, "Index", Paragraph, Start, "End", Text) VALUES
                  (1, 2, 0, 0, 0, 28, 'The mayor opened the museum.'), (2, 2, 1, 0, 29, 45, 'It was on 3 May.'), (3, 2, 2, 0, 46, 58, 'Crowds came.'),
                  (4, 3, 0, 0, 0, 12, 'Opening day.'), (5, 3, 1, 0, 13, 40, 'The museum opened on 4 May.');
                INSERT INTO Claims (Id, ArticleId, Text, Kind, CheckWorthiness, Status, HasNewEvidence, CreatedAt, UpdatedAt, CreatedBy, Version) VALUES
                  (1, 1, 'The mayor opened the museum on 3 May', 'Factual', 0.8, 'InReview', 0, '{at}', '{at}', 'admin', 5);
                INSERT INTO Evidence (Id, ClaimId, PassageId, ExternalUrl, Stance, Score, Discrepancies, SyndicatedCopy, CitedBy, ReviewState, ReviewNote, ReviewedBy, CreatedAt) VALUES
                  (1, 1, 1, NULL, 'Supports', 0.9, '[]', 0, NULL, 'Suggested', NULL, NULL, '{at}'),
                  (2, 1, 2, NULL, 'Supports', 0.5, '[]', 0, NULL, 'Accepted', 'Checked.', 'old-reviewer', '{at}'),
                  (3, 1, 3, NULL, 'Mentions', 0.7, '[]', 0, NULL, 'Rejected', NULL, 'old-reviewer', '{at}'),
                  (4, 1, 4, NULL, 'Mentions', 0.4, '[]', 0, NULL, 'Rejected', 'Not the opening.', 'old-reviewer', '{at}'),
                  (5, 1, 5, NULL, 'Contradicts', 0.8, '[{dateMismatch}]', 0, NULL, 'Suggested', NULL, NULL, '{at}'),
                  (6, 1, NULL, 'https://records.example.org/opening', 'Supports', 1, '[]', 0, 'old-reviewer', 'Suggested', 'Minutes', NULL, '{at}');
                """;
            await insert.ExecuteNonQueryAsync();
        }

        // Today's desk migrates the file at start-up (role api: no jobs touch the rows) and answers from it.
        await using var desk = new RestartableDesk(directory, "api");
        var items = await desk.Admin.EvidenceOfAsync(1);

        Assert.Equal([2L, 4L, 6L], items.Select(e => e.Id()).Order());
        var report = items.Single(e => e.Id() == 2);
        Assert.Equal(2, report.GetProperty("article").GetProperty("id").GetInt64());
        Assert.Equal("accepted", report.GetProperty("reviewState").GetString());          // the reviewed row over the suggested ones
        Assert.Equal("supports", report.GetProperty("stance").GetString());
        Assert.Equal(0.9, report.GetProperty("score").GetDouble());                       // the best score of the article's rows
        Assert.Equal("old-reviewer", report.GetProperty("reviewedBy").GetString());
        var passage = Assert.Single(report.GetProperty("passages").EnumerateArray());
        Assert.Equal((2L, 29, 45, "It was on 3 May."), (passage.GetProperty("id").GetInt64(), passage.GetProperty("start").GetInt32(),
            passage.GetProperty("end").GetInt32(), passage.GetProperty("text").GetString()));

        var later = items.Single(e => e.Id() == 4);
        Assert.Equal("rejected", later.GetProperty("reviewState").GetString());          // reviewed, even rejected, over suggested
        Assert.Equal(0.8, later.GetProperty("score").GetDouble());
        Assert.Equal("Not the opening.", later.GetProperty("reviewNote").GetString());

        var citation = items.Single(e => e.Id() == 6);                                     // citations as they were
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("article").ValueKind);
        Assert.Equal("https://records.example.org/opening", citation.GetProperty("externalUrl").GetString());
        Assert.Equal("suggested", citation.GetProperty("reviewState").GetString());
        Assert.Equal("old-reviewer", citation.GetProperty("citedBy").GetString());

        // The claim's summary counts the items, not the old rows.
        var (claim, _) = await desk.Admin.GetClaimAsync(1);
        var summary = claim.GetProperty("evidenceSummary");
        Assert.Equal((3, 1, 1), (summary.GetProperty("total").GetInt32(), summary.GetProperty("accepted").GetInt32(), summary.GetProperty("rejected").GetInt32()));
    }
}
