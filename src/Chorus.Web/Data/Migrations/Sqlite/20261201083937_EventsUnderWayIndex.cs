using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chorus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventsUnderWayIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_EndsAt_StartsAt_Id",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_EndsAt_StartsAt_DeletedAt_Id",
                table: "Events",
                columns: new[] { "EndsAt", "StartsAt", "DeletedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_EndsAt_StartsAt_DeletedAt_Id",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_EndsAt_StartsAt_Id",
                table: "Events",
                columns: new[] { "EndsAt", "StartsAt", "Id" });
        }
    }
}
