using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lexom.Training.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "client_id",
                table: "course_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                table: "course_sessions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "course_reference",
                table: "course_sessions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "course_sessions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Inter");

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "course_sessions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Planned");

            migrationBuilder.AddColumn<Guid>(
                name: "trainer_id",
                table: "course_sessions",
                type: "uuid",
                nullable: true);

            // The catalog's existing sessions were INTER sessions of their course.
            migrationBuilder.Sql("UPDATE course_sessions s SET course_reference = c.reference FROM courses c WHERE c.id = s.course_id;");

            // A trainer is never in two sessions that share a day, even when two staff assign at once.
            // btree_gist is a trusted extension (PostgreSQL 13+): the database owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("ALTER TABLE course_sessions ADD CONSTRAINT ex_course_sessions_trainer_days EXCLUDE USING gist "
                + "(trainer_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&) WHERE (trainer_id IS NOT NULL);");

            migrationBuilder.CreateTable(
                name: "session_enrolments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_enrolments_course_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "course_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_enrolments_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_course_sessions_client_id",
                table: "course_sessions",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_sessions_trainer_id_starts_on",
                table: "course_sessions",
                columns: new[] { "trainer_id", "starts_on" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_course_sessions_seats",
                table: "course_sessions",
                sql: "seats_taken >= 0 AND seats_taken <= capacity");

            migrationBuilder.CreateIndex(
                name: "ix_session_enrolments_order_id",
                table: "session_enrolments",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_enrolments_participant_id",
                table: "session_enrolments",
                column: "participant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_enrolments_session_id",
                table: "session_enrolments",
                column: "session_id");

            migrationBuilder.AddForeignKey(
                name: "fk_course_sessions_asp_net_users_trainer_id",
                table: "course_sessions",
                column: "trainer_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_course_sessions_clients_client_id",
                table: "course_sessions",
                column: "client_id",
                principalTable: "clients",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE course_sessions DROP CONSTRAINT IF EXISTS ex_course_sessions_trainer_days;");

            migrationBuilder.DropForeignKey(
                name: "fk_course_sessions_asp_net_users_trainer_id",
                table: "course_sessions");

            migrationBuilder.DropForeignKey(
                name: "fk_course_sessions_clients_client_id",
                table: "course_sessions");

            migrationBuilder.DropTable(
                name: "session_enrolments");

            migrationBuilder.DropIndex(
                name: "ix_course_sessions_client_id",
                table: "course_sessions");

            migrationBuilder.DropIndex(
                name: "ix_course_sessions_trainer_id_starts_on",
                table: "course_sessions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_course_sessions_seats",
                table: "course_sessions");

            migrationBuilder.DropColumn(
                name: "client_id",
                table: "course_sessions");

            migrationBuilder.DropColumn(
                name: "closed_on",
                table: "course_sessions");

            migrationBuilder.DropColumn(
                name: "course_reference",
                table: "course_sessions");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "course_sessions");

            migrationBuilder.DropColumn(
                name: "status",
                table: "course_sessions");

            migrationBuilder.DropColumn(
                name: "trainer_id",
                table: "course_sessions");
        }
    }
}
