using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lexom.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddProposalReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "reminder_sent_on",
                table: "proposals",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reminder_sent_on",
                table: "proposals");
        }
    }
}
