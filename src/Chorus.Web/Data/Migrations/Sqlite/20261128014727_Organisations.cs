using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chorus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Organisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Membership = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EmailDomains = table.Column<string>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DescriptionMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    DescriptionHtml = table.Column<string>(type: "TEXT", nullable: false),
                    LogoId = table.Column<int>(type: "INTEGER", nullable: true),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 350, nullable: false),
                    Initial = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Media_LogoId",
                        column: x => x.LogoId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Organisations_Organisations_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationTranslations",
                columns: table => new
                {
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DescriptionMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    DescriptionHtml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationTranslations", x => new { x.OrganisationId, x.Culture });
                    table.ForeignKey(
                        name: "FK_OrganisationTranslations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostIssuers",
                columns: table => new
                {
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostIssuers", x => new { x.PostId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_PostIssuers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostIssuers_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ArchivedAt_Country_Membership_Type_Initial",
                table: "Organisations",
                columns: new[] { "ArchivedAt", "Country", "Membership", "Type", "Initial" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ArchivedAt_Initial_SortKey_Id",
                table: "Organisations",
                columns: new[] { "ArchivedAt", "Initial", "SortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ArchivedAt_SortKey_Id",
                table: "Organisations",
                columns: new[] { "ArchivedAt", "SortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ArchivedAt_Type_Initial_Country_Membership",
                table: "Organisations",
                columns: new[] { "ArchivedAt", "Type", "Initial", "Country", "Membership" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ArchivedAt_Type_Membership_SortKey_Id",
                table: "Organisations",
                columns: new[] { "ArchivedAt", "Type", "Membership", "SortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Country",
                table: "Organisations",
                column: "Country");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_LogoId",
                table: "Organisations",
                column: "LogoId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_MergedIntoId",
                table: "Organisations",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Slug",
                table: "Organisations",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostIssuers_OrganisationId",
                table: "PostIssuers",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganisationTranslations");

            migrationBuilder.DropTable(
                name: "PostIssuers");

            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}
