using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutletHistoryAndIndependenceAtRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Independence is judged when evidence is read, from the outlets as they are then; only whether the text is a
            // syndicated copy is kept (rows judged by outlet first lose that fact until their claim is gathered again).
            migrationBuilder.AddColumn<bool>(
                name: "SyndicatedCopy",
                table: "Evidence",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE Evidence SET SyndicatedCopy = 1 WHERE DependenceReason = 'syndicatedCopy'");

            migrationBuilder.DropColumn(
                name: "DependenceReason",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Independent",
                table: "Evidence");

            migrationBuilder.CreateTable(
                name: "OutletEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OutletId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Before = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    After = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutletEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutletEvents_Outlets_OutletId",
                        column: x => x.OutletId,
                        principalTable: "Outlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outlets_Domain",
                table: "Outlets",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_OutletEvents_OutletId_Id",
                table: "OutletEvents",
                columns: new[] { "OutletId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutletEvents");

            migrationBuilder.DropIndex(
                name: "IX_Outlets_Domain",
                table: "Outlets");

            migrationBuilder.AddColumn<bool>(
                name: "Independent",
                table: "Evidence",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DependenceReason",
                table: "Evidence",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            // The outlets' part of the judgement is not stored; the next gathering of each claim writes it again.
            migrationBuilder.Sql("UPDATE Evidence SET Independent = 1 - SyndicatedCopy, DependenceReason = CASE WHEN SyndicatedCopy = 1 THEN 'syndicatedCopy' END");

            migrationBuilder.DropColumn(
                name: "SyndicatedCopy",
                table: "Evidence");
        }
    }
}
