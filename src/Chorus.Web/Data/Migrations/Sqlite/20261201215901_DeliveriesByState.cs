using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chorus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveriesByState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NewsletterDeliveries_IssueId_State",
                table: "NewsletterDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDeliveries_State_IssueId",
                table: "NewsletterDeliveries",
                columns: new[] { "State", "IssueId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NewsletterDeliveries_State_IssueId",
                table: "NewsletterDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDeliveries_IssueId_State",
                table: "NewsletterDeliveries",
                columns: new[] { "IssueId", "State" });
        }
    }
}
