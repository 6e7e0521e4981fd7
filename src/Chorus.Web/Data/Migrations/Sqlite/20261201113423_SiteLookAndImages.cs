using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chorus.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteLookAndImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ImageId",
                table: "Posts",
                type: "INTEGER",
                nullable: true);

            // A featured image given by its /media/ address becomes a reference to that item of the media library.
            migrationBuilder.Sql("""
                UPDATE "Posts" SET "ImageId" = (SELECT MIN(m."Id") FROM "Media" m WHERE m."Hash" = substr("Posts"."FeaturedImageUrl", 8, 16))
                WHERE "FeaturedImageUrl" LIKE '/media/%'
                """);

            migrationBuilder.DropColumn(
                name: "FeaturedImageUrl",
                table: "Posts");

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "Media",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "jpg");

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "Media",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ImageId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImageId",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SiteLook",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LogoId = table.Column<int>(type: "INTEGER", nullable: true),
                    ShareImageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Accent = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    OnAccent = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Home = table.Column<string>(type: "TEXT", nullable: true),
                    Links = table.Column<string>(type: "TEXT", nullable: true),
                    Texts = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteLook", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteLook_Media_LogoId",
                        column: x => x.LogoId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SiteLook_Media_ShareImageId",
                        column: x => x.ShareImageId,
                        principalTable: "Media",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ImageId",
                table: "Posts",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_ImageId",
                table: "Events",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_ImageId",
                table: "Campaigns",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteLook_LogoId",
                table: "SiteLook",
                column: "LogoId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteLook_ShareImageId",
                table: "SiteLook",
                column: "ShareImageId");

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_Media_ImageId",
                table: "Campaigns",
                column: "ImageId",
                principalTable: "Media",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Events_Media_ImageId",
                table: "Events",
                column: "ImageId",
                principalTable: "Media",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Posts_Media_ImageId",
                table: "Posts",
                column: "ImageId",
                principalTable: "Media",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_Media_ImageId",
                table: "Campaigns");

            migrationBuilder.DropForeignKey(
                name: "FK_Events_Media_ImageId",
                table: "Events");

            migrationBuilder.DropForeignKey(
                name: "FK_Posts_Media_ImageId",
                table: "Posts");

            migrationBuilder.DropTable(
                name: "SiteLook");

            migrationBuilder.DropIndex(
                name: "IX_Posts_ImageId",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Events_ImageId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_ImageId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ImageId",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "Height",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "ImageId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ImageId",
                table: "Campaigns");

            migrationBuilder.AddColumn<string>(
                name: "FeaturedImageUrl",
                table: "Posts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }
    }
}
