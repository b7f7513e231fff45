using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClaimEventPayloadsAndSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "ClaimEventId",
                table: "WebhookDeliveries",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<long>(
                name: "RedeliveryOf",
                table: "WebhookDeliveries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Payload",
                table: "ClaimEvents",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "ClaimEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Entries already in the log are numbered in the order they were written (their ids), per claim.
            migrationBuilder.Sql(
                "WITH numbered AS (SELECT Sequence, ROW_NUMBER() OVER (PARTITION BY ClaimId ORDER BY Id) AS Place FROM ClaimEvents) " +
                "UPDATE numbered SET Sequence = Place;");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimEvents_ClaimId_Sequence",
                table: "ClaimEvents",
                columns: new[] { "ClaimId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClaimEvents_ClaimId_Sequence",
                table: "ClaimEvents");

            migrationBuilder.DropColumn(
                name: "RedeliveryOf",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "Payload",
                table: "ClaimEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "ClaimEvents");

            migrationBuilder.AlterColumn<long>(
                name: "ClaimEventId",
                table: "WebhookDeliveries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
