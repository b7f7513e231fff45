using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "RedeliveryOf",
                table: "WebhookDeliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Payload",
                table: "ClaimEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "ClaimEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Entries already in the log are numbered in the order they were written (their ids), per claim.
            migrationBuilder.Sql(
                "UPDATE ClaimEvents SET Sequence = (SELECT COUNT(*) FROM ClaimEvents AS earlier " +
                "WHERE earlier.ClaimId = ClaimEvents.ClaimId AND earlier.Id <= ClaimEvents.Id);");

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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
