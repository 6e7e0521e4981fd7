using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chorus.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VisibleFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Facets = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PostId = table.Column<int>(type: "integer", nullable: true),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false)
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

            // Accent-insensitive text search for every language: the "simple" configuration (no stemming, no stop
            // words: it works alike for all six languages) with unaccent in front. The vector is a stored generated
            // column, title weighted A, body B and the facets D, searched through a GIN index.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION chorus_search (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION chorus_search ALTER MAPPING
                    FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;
                ALTER TABLE "SearchDocuments" ADD "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('chorus_search'::regconfig, "Title"), 'A') || setweight(to_tsvector('chorus_search'::regconfig, "Body"), 'B')
                    || setweight(to_tsvector('chorus_search'::regconfig, "Facets"), 'D')) STORED;
                CREATE INDEX "IX_SearchDocuments_SearchVector" ON "SearchDocuments" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchDocuments");

            // After the table: its generated column depends on the configuration.
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION chorus_search;");
        }
    }
}
