using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lexom.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddProposalCourseTitle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "course_title",
                table: "proposals",
                type: "text",
                nullable: true,
                computedColumnSql: "course ->> 'Title'",
                stored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "course_title",
                table: "proposals");
        }
    }
}
