using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lexom.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddBillingSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "invoices",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "invoice_late_status",
                columns: table => new
                {
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    computed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    days_late = table.Column<int>(type: "integer", nullable: false),
                    unpaid = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    interest = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    recovery_indemnity = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_late_status", x => x.invoice_id);
                    table.ForeignKey(
                        name: "fk_invoice_late_status_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "late_interest_rates",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    half = table.Column<int>(type: "integer", nullable: false),
                    ecb_rate_points = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: false),
                    legal_rate_points = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: false),
                    to_be_checked = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_late_interest_rates", x => new { x.year, x.half });
                    table.CheckConstraint("ck_late_interest_rates_half", "half IN (1, 2)");
                    table.ForeignKey(
                        name: "fk_late_interest_rates_asp_net_users_updated_by",
                        column: x => x.updated_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.InsertData(
                table: "late_interest_rates",
                columns: new[] { "half", "year", "ecb_rate_points", "legal_rate_points", "to_be_checked", "updated_at", "updated_by" },
                values: new object[,]
                {
                    { 1, 2024, 4.50m, 5.07m, true, null, null },
                    { 2, 2024, 4.25m, 4.92m, true, null, null },
                    { 1, 2025, 3.15m, 3.71m, true, null, null },
                    { 2, 2025, 2.15m, 2.76m, true, null, null },
                    { 1, 2026, 2.15m, 2.62m, true, null, null },
                    { 2, 2026, 2.15m, 2.62m, true, null, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_late_interest_rates_updated_by",
                table: "late_interest_rates",
                column: "updated_by");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invoice_late_status");

            migrationBuilder.DropTable(
                name: "late_interest_rates");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "invoices");
        }
    }
}
