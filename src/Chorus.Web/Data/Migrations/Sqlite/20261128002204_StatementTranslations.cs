using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chorus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatementTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StatementAddressee",
                table: "PostTranslations",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatementSpeakerRole",
                table: "PostTranslations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatementVenue",
                table: "PostTranslations",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StatementAddressee",
                table: "PostTranslations");

            migrationBuilder.DropColumn(
                name: "StatementSpeakerRole",
                table: "PostTranslations");

            migrationBuilder.DropColumn(
                name: "StatementVenue",
                table: "PostTranslations");
        }
    }
}
