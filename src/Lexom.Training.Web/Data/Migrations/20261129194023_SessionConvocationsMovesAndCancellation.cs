using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lexom.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionConvocationsMovesAndCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "opened_at",
                table: "session_attestations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "order_participants",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "cancelled_on",
                table: "course_sessions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "course_sessions",
                type: "integer",
                nullable: false,
                defaultValue: 1); // the sessions planned before: their first version

            migrationBuilder.CreateTable(
                name: "session_convocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    session_version = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    uid = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sends = table.Column<int>(type: "integer", nullable: false),
                    outbox_message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_convocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_convocations_course_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "course_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_convocations_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_session_convocations_order_id",
                table: "session_convocations",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_convocations_session_id_participant_id",
                table: "session_convocations",
                columns: new[] { "session_id", "participant_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_convocations");

            migrationBuilder.DropColumn(
                name: "opened_at",
                table: "session_attestations");

            migrationBuilder.DropColumn(
                name: "email",
                table: "order_participants");

            migrationBuilder.DropColumn(
                name: "cancelled_on",
                table: "course_sessions");

            migrationBuilder.DropColumn(
                name: "version",
                table: "course_sessions");
        }
    }
}
