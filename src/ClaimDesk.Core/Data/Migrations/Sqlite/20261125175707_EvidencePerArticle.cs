using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvidencePerArticle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ArticleId",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "JudgedAt",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "Evidence",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModelNote",
                table: "Evidence",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Passages",
                table: "Evidence",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "[]");


            // One evidence per claim and article: the per-passage rows of an article become one item. The item kept is the
            // one a reviewer decided (accepted over rejected) over a suggested one, then the best scored; it carries the
            // group's best score and its own passage as the deciding one. Citations (no passage) stay as they are.
            migrationBuilder.Sql("""
                UPDATE Evidence SET ArticleId = (SELECT p.ArticleId FROM Passages p WHERE p.Id = Evidence.PassageId),
                    Passages = COALESCE((SELECT '[{"passageId":' || p.Id || ',"index":' || p."Index" || ',"start":' || p.Start || ',"end":' || p."End" || ',"similarity":null}]'
                      FROM Passages p WHERE p.Id = Evidence.PassageId), '[]'),
                    Model = 'rules', JudgedAt = CreatedAt
                WHERE PassageId IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                UPDATE Evidence SET
                    Score = (SELECT MAX(g.Score) FROM Evidence g WHERE g.ClaimId = Evidence.ClaimId AND g.ArticleId = Evidence.ArticleId),
                    SyndicatedCopy = (SELECT MAX(g.SyndicatedCopy) FROM Evidence g WHERE g.ClaimId = Evidence.ClaimId AND g.ArticleId = Evidence.ArticleId)
                WHERE ArticleId IS NOT NULL AND Id IN (SELECT e.Id FROM Evidence e WHERE e.ArticleId IS NOT NULL AND e.Id = (SELECT k.Id FROM Evidence k WHERE k.ClaimId = e.ClaimId AND k.ArticleId = e.ArticleId
                      ORDER BY CASE k.ReviewState WHEN 'Accepted' THEN 0 WHEN 'Rejected' THEN 1 ELSE 2 END, k.Score DESC, k.Id LIMIT 1));
                """);
            migrationBuilder.Sql("""
                DELETE FROM Evidence WHERE Id IN (SELECT e.Id FROM Evidence e WHERE e.ArticleId IS NOT NULL AND e.Id <> (SELECT k.Id FROM Evidence k WHERE k.ClaimId = e.ClaimId AND k.ArticleId = e.ArticleId
                      ORDER BY CASE k.ReviewState WHEN 'Accepted' THEN 0 WHEN 'Rejected' THEN 1 ELSE 2 END, k.Score DESC, k.Id LIMIT 1));
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_Passages_PassageId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ClaimId_PassageId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_PassageId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "PassageId",
                table: "Evidence");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ArticleId",
                table: "Evidence",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ClaimId_ArticleId",
                table: "Evidence",
                columns: new[] { "ClaimId", "ArticleId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_Articles_ArticleId",
                table: "Evidence",
                column: "ArticleId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.CreateTable(
                name: "GatheringRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClaimId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ElapsedMs = table.Column<double>(type: "REAL", nullable: false),
                    ArticlesConsidered = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticlesRelated = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    Cap = table.Column<int>(type: "INTEGER", nullable: false),
                    CapReached = table.Column<bool>(type: "INTEGER", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatheringRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GatheringRuns_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GatheringRuns_ClaimId_Id",
                table: "GatheringRuns",
                columns: new[] { "ClaimId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_Articles_ArticleId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ClaimId_ArticleId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ArticleId",
                table: "Evidence");

            migrationBuilder.DropTable(
                name: "GatheringRuns");

            migrationBuilder.AddColumn<long>(
                name: "PassageId",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            // Back to one row per passage: each article's evidence points at its best deciding passage (or its first passage).
            migrationBuilder.Sql("""
                UPDATE Evidence SET PassageId = COALESCE(json_extract(Passages, '$[0].passageId'), (SELECT MIN(p.Id) FROM Passages p WHERE p.ArticleId = Evidence.ArticleId))
                WHERE ArticleId IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "ArticleId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "JudgedAt",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Model",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ModelNote",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Passages",
                table: "Evidence");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_PassageId",
                table: "Evidence",
                column: "PassageId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ClaimId_PassageId",
                table: "Evidence",
                columns: new[] { "ClaimId", "PassageId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_Passages_PassageId",
                table: "Evidence",
                column: "PassageId",
                principalTable: "Passages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
