using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SyncByUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Articles",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // An article's last change before this column existed: its indexing, else its registration.
            migrationBuilder.Sql("UPDATE Articles SET UpdatedAt = COALESCE(IndexedAt, CreatedAt);");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_UpdatedAt_Id",
                table: "Claims",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_UpdatedAt_Id",
                table: "Articles",
                columns: new[] { "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_UpdatedAt_Id",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Articles_UpdatedAt_Id",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Articles");
        }
    }
}
