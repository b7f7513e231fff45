using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClaimDesk.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiKeyNamesUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before names were unique, a revoked key's name could be issued again. The newest key keeps the name
            // (only it can be active); the older ones are told apart by their id.
            migrationBuilder.Sql(@"
UPDATE ""ApiKeys"" SET ""Name"" = substr(""Name"", 1, 170) || ' (key ' || ""Id"" || ')'
WHERE EXISTS (SELECT 1 FROM ""ApiKeys"" AS ""Newer"" WHERE ""Newer"".""Name"" = ""ApiKeys"".""Name"" AND ""Newer"".""Id"" > ""ApiKeys"".""Id"");");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Name",
                table: "ApiKeys",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ApiKeys_Name",
                table: "ApiKeys");
        }
    }
}
