using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chorus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcronymKey",
                table: "Organisations",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Existing organisations get their key now (lower case; the next save folds accents too).
            migrationBuilder.Sql("UPDATE \"Organisations\" SET \"AcronymKey\" = lower(\"Acronym\") WHERE \"Acronym\" IS NOT NULL AND \"Acronym\" <> '';");

            // SQLite (3.35 and later) drops an unindexed column in place. EF's DropColumn rebuilds the table instead, with
            // PRAGMA foreign_keys outside the migration's transaction, and warns that a failure would leave the
            // migration half applied.
            migrationBuilder.Sql("ALTER TABLE \"Statements\" DROP COLUMN \"CampaignId\";");

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    TextHtml = table.Column<string>(type: "TEXT", nullable: false),
                    PostId = table.Column<int>(type: "INTEGER", nullable: true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Signers = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Goal = table.Column<int>(type: "INTEGER", nullable: true),
                    PublicList = table.Column<bool>(type: "INTEGER", nullable: false),
                    Moderation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EraseContactAfterDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Media_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Campaigns_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    TextHtml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignTranslations_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TextHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignVersions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Signatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsIndividual = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignerKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Badge = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BadgeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignatoryRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ContactConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContactErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ModerationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TextHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ManageTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Signatures_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Signatures_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_AcronymKey",
                table: "Organisations",
                column: "AcronymKey");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SortKey",
                table: "Organisations",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_DocumentId",
                table: "Campaigns",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_PostId",
                table: "Campaigns",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Slug",
                table: "Campaigns",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTranslations_CampaignId_Culture",
                table: "CampaignTranslations",
                columns: new[] { "CampaignId", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVersions_CampaignId_Number",
                table: "CampaignVersions",
                columns: new[] { "CampaignId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_CampaignId_SignerKey",
                table: "Signatures",
                columns: new[] { "CampaignId", "SignerKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_CampaignId_State_Country_SortKey_Id",
                table: "Signatures",
                columns: new[] { "CampaignId", "State", "Country", "SortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_CampaignId_State_IsIndividual_Type_SortKey_Id",
                table: "Signatures",
                columns: new[] { "CampaignId", "State", "IsIndividual", "Type", "SortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_CampaignId_State_SortKey_Id",
                table: "Signatures",
                columns: new[] { "CampaignId", "State", "SortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_ConfirmTokenHash",
                table: "Signatures",
                column: "ConfirmTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_ManageTokenHash",
                table: "Signatures",
                column: "ManageTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_OrganisationId_State",
                table: "Signatures",
                columns: new[] { "OrganisationId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignTranslations");

            migrationBuilder.DropTable(
                name: "CampaignVersions");

            migrationBuilder.DropTable(
                name: "Signatures");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_AcronymKey",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_SortKey",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "AcronymKey",
                table: "Organisations");

            migrationBuilder.AddColumn<int>(
                name: "CampaignId",
                table: "Statements",
                type: "INTEGER",
                nullable: true);
        }
    }
}
