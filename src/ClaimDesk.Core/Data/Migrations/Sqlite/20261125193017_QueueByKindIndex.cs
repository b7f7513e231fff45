using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueByKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Kind_Status",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Kind_Status_CheckWorthiness_Id",
                table: "Claims",
                columns: new[] { "Kind", "Status", "CheckWorthiness", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Kind_Status_CheckWorthiness_Id",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Kind_Status",
                table: "Claims",
                columns: new[] { "Kind", "Status" });
        }
    }
}
