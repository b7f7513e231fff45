using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishedReviewsAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedByRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedByKeyId = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    Cursor = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Claims = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublishedReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClaimId = table.Column<long>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClaimText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Claimant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Citations = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupersededById = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedReviews_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublishedReviews_PublishedReviews_SupersededById",
                        column: x => x.SupersededById,
                        principalTable: "PublishedReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportLines_Imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "Imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportLines_ImportId_LineNumber",
                table: "ImportLines",
                columns: new[] { "ImportId", "LineNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportLines_ImportId_Outcome_LineNumber",
                table: "ImportLines",
                columns: new[] { "ImportId", "Outcome", "LineNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Imports_State_UpdatedAt",
                table: "Imports",
                columns: new[] { "State", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReviews_ClaimId_Id",
                table: "PublishedReviews",
                columns: new[] { "ClaimId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReviews_State_UpdatedAt_Id",
                table: "PublishedReviews",
                columns: new[] { "State", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReviews_SupersededById",
                table: "PublishedReviews",
                column: "SupersededById");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReviews_UpdatedAt_Id",
                table: "PublishedReviews",
                columns: new[] { "UpdatedAt", "Id" });

            // Claims decided before reviews were recorded: their verdicts were published, so they get a record as they
            // stand (the sources they rested on were not kept then).
            migrationBuilder.Sql(
                "INSERT INTO PublishedReviews (ClaimId, Verdict, ClaimText, Claimant, Kind, Rationale, SourceUrl, Citations, PublishedAt, PublishedBy, State, UpdatedAt) " +
                "SELECT Id, Status, Text, Claimant, Kind, COALESCE(Rationale, ''), RationaleSourceUrl, '[]', COALESCE(DecidedAt, UpdatedAt), 'migration', 'Published', COALESCE(DecidedAt, UpdatedAt) " +
                "FROM Claims WHERE Status IN ('Verified', 'Disputed', 'Editorializing', 'Unverifiable')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportLines");

            migrationBuilder.DropTable(
                name: "PublishedReviews");

            migrationBuilder.DropTable(
                name: "Imports");
        }
    }
}
