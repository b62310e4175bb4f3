using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lexom.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_counters",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_counters", x => new { x.kind, x.year });
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    previous_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    superseded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payer_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    training_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    course = table.Column<string>(type: "jsonb", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    billing_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    deposit_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    preparation_cost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    created_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    declined_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cgv_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    vat_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    price_scope_statement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    course_reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    sessions = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposals_asp_net_users_created_by",
                        column: x => x.created_by,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_proposals_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_proposals_proposal_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "proposal_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_proposals_proposals_previous_version_id",
                        column: x => x.previous_version_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_proposals_proposals_superseded_by_id",
                        column: x => x.superseded_by_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vat_rates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    rate_points = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vat_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "proposal_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    unit_price_ht = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_lines_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_participants_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "vat_rates",
                columns: new[] { "id", "rate_points", "valid_from", "valid_until" },
                values: new object[] { 1, 20m, new DateOnly(2014, 1, 1), null });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_lines_proposal_id",
                table: "proposal_lines",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_participants_proposal_id",
                table: "proposal_participants",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_client_id",
                table: "proposals",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_course_reference",
                table: "proposals",
                column: "course_reference");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_created_by",
                table: "proposals",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_number",
                table: "proposals",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposals_previous_version_id",
                table: "proposals",
                column: "previous_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_request_id",
                table: "proposals",
                column: "request_id",
                unique: true,
                filter: "request_id IS NOT NULL AND status = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_status_issued_on",
                table: "proposals",
                columns: new[] { "status", "issued_on" });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_superseded_by_id",
                table: "proposals",
                column: "superseded_by_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_counters");

            migrationBuilder.DropTable(
                name: "proposal_lines");

            migrationBuilder.DropTable(
                name: "proposal_participants");

            migrationBuilder.DropTable(
                name: "vat_rates");

            migrationBuilder.DropTable(
                name: "proposals");
        }
    }
}
