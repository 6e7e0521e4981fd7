using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chorus.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignatureClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ClaimsSignatureId",
                table: "Signatures",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_ClaimsSignatureId",
                table: "Signatures",
                column: "ClaimsSignatureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signatures_ClaimsSignatureId",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ClaimsSignatureId",
                table: "Signatures");
        }
    }
}
