using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CorroborationAndSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Embedding",
                table: "Claims",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuggestionsComputedAt",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SuggestedClaims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ArticleId = table.Column<long>(type: "bigint", nullable: false),
                    Start = table.Column<int>(type: "int", nullable: false),
                    End = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CheckWorthiness = table.Column<double>(type: "float", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Claimant = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Signals = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestedClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuggestedClaims_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SuggestionsComputedAt",
                table: "Articles",
                column: "SuggestionsComputedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SuggestedClaims_ArticleId_Start",
                table: "SuggestedClaims",
                columns: new[] { "ArticleId", "Start" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SuggestedClaims");

            migrationBuilder.DropIndex(
                name: "IX_Articles_SuggestionsComputedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Embedding",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "SuggestionsComputedAt",
                table: "Articles");
        }
    }
}
