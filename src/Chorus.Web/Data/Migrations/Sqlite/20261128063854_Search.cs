using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chorus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VisibleFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Facets = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostId = table.Column<int>(type: "INTEGER", nullable: true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_CampaignId",
                table: "SearchDocuments",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Date",
                table: "SearchDocuments",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_EventId",
                table: "SearchDocuments",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_OrganisationId",
                table: "SearchDocuments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_PostId",
                table: "SearchDocuments",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_VisibleFrom",
                table: "SearchDocuments",
                column: "VisibleFrom");

            // The full-text index over SearchDocuments (an FTS5 "external content" table: it stores only the index,
            // reading texts from SearchDocuments), kept in step by triggers. unicode61 with remove_diacritics 2 folds
            // accents, so "regularisation" finds "régularisation".
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5("Title", "Body", "Facets", content='SearchDocuments', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER "SearchDocuments_Inserted" AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchIndex"(rowid, "Title", "Body", "Facets") VALUES (new."Id", new."Title", new."Body", new."Facets");
                END;
                CREATE TRIGGER "SearchDocuments_Deleted" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, "Title", "Body", "Facets") VALUES ('delete', old."Id", old."Title", old."Body", old."Facets");
                END;
                CREATE TRIGGER "SearchDocuments_Updated" AFTER UPDATE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, "Title", "Body", "Facets") VALUES ('delete', old."Id", old."Title", old."Body", old."Facets");
                    INSERT INTO "SearchIndex"(rowid, "Title", "Body", "Facets") VALUES (new."Id", new."Title", new."Body", new."Facets");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "SearchDocuments_Inserted";
                DROP TRIGGER "SearchDocuments_Deleted";
                DROP TRIGGER "SearchDocuments_Updated";
                DROP TABLE "SearchIndex";
                """);

            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
