using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lexom.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddTrigramSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_course_reference_trgm",
                table: "proposals",
                column: "course_reference")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_number_trgm",
                table: "proposals",
                column: "number")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_clients_name_trgm",
                table: "clients",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_proposals_course_reference_trgm",
                table: "proposals");

            migrationBuilder.DropIndex(
                name: "ix_proposals_number_trgm",
                table: "proposals");

            migrationBuilder.DropIndex(
                name: "ix_clients_name_trgm",
                table: "clients");
        }
    }
}
