using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lexom.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeepInvoicePaidAndListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "paid",
                table: "invoices",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            // Invoice.Paid: the sum of the invoice's payments, kept with each payment from now on; the history's is summed once.
            migrationBuilder.Sql("""
                UPDATE invoices i SET paid = p.total
                FROM (SELECT invoice_id, sum(amount) AS total FROM payments GROUP BY invoice_id) p
                WHERE p.invoice_id = i.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_issued_on_number",
                table: "invoices",
                columns: new[] { "issued_on", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_invoices_issued_on_number",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "paid",
                table: "invoices");
        }
    }
}
