using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chorus.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsultationFilesAndDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "PostId",
                table: "TranslationJobs",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "ConsultationId",
                table: "TranslationJobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondentKey",
                table: "ConsultationResponses",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxFileMegabytes",
                table: "ConsultationQuestions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FileId",
                table: "ConsultationAnswers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsultationFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationFiles_ConsultationQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ConsultationQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsultationFiles_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TranslationJobs_ConsultationId_Culture",
                table: "TranslationJobs",
                columns: new[] { "ConsultationId", "Culture" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationResponses_ConsultationId_RespondentKey",
                table: "ConsultationResponses",
                columns: new[] { "ConsultationId", "RespondentKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationAnswers_FileId",
                table: "ConsultationAnswers",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationFiles_ConsultationId",
                table: "ConsultationFiles",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationFiles_CreatedAt",
                table: "ConsultationFiles",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationFiles_QuestionId",
                table: "ConsultationFiles",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationFiles_TokenHash",
                table: "ConsultationFiles",
                column: "TokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ConsultationAnswers_ConsultationFiles_FileId",
                table: "ConsultationAnswers",
                column: "FileId",
                principalTable: "ConsultationFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConsultationAnswers_ConsultationFiles_FileId",
                table: "ConsultationAnswers");

            migrationBuilder.DropTable(
                name: "ConsultationFiles");

            migrationBuilder.DropIndex(
                name: "IX_TranslationJobs_ConsultationId_Culture",
                table: "TranslationJobs");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationResponses_ConsultationId_RespondentKey",
                table: "ConsultationResponses");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationAnswers_FileId",
                table: "ConsultationAnswers");

            migrationBuilder.DropColumn(
                name: "ConsultationId",
                table: "TranslationJobs");

            migrationBuilder.DropColumn(
                name: "RespondentKey",
                table: "ConsultationResponses");

            migrationBuilder.DropColumn(
                name: "MaxFileMegabytes",
                table: "ConsultationQuestions");

            migrationBuilder.DropColumn(
                name: "FileId",
                table: "ConsultationAnswers");

            migrationBuilder.AlterColumn<int>(
                name: "PostId",
                table: "TranslationJobs",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
