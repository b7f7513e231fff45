using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CitationsAndVerdictProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CitedBy",
                table: "Evidence",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            // A citation counts once another person accepts it: citations accepted as added, on claims still open, wait again.
            migrationBuilder.Sql("UPDATE Evidence SET CitedBy = ReviewedBy WHERE ExternalUrl IS NOT NULL");
            migrationBuilder.Sql("UPDATE Evidence SET ReviewState = 'Suggested', ReviewedBy = NULL WHERE ExternalUrl IS NOT NULL AND ReviewState = 'Accepted' " +
                                 "AND ClaimId IN (SELECT Id FROM Claims WHERE Status IN ('Registered', 'Gathering', 'NeedsReview', 'InReview'))");

            migrationBuilder.AddColumn<DateTime>(
                name: "ProposedAt",
                table: "Claims",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "Claims",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedRationale",
                table: "Claims",
                type: "nvarchar(max)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedSourceUrl",
                table: "Claims",
                type: "nvarchar(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedVerdict",
                table: "Claims",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CitedBy",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ProposedAt",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "ProposedRationale",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "ProposedSourceUrl",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "ProposedVerdict",
                table: "Claims");
        }
    }
}
