using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Registrations.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SessionChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "requested_session_ids",
                table: "registrations",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            // Sessions given before this migration were never counted against a session's seats: they become the
            // request, applied at the next confirmation like any other.
            migrationBuilder.Sql("UPDATE registrations SET requested_session_ids = session_ids, session_ids = '{}' WHERE cardinality(session_ids) > 0");

            migrationBuilder.CreateTable(
                name: "session_seats",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    taken = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_seats", x => x.session_id);
                    table.CheckConstraint("ck_session_seats_counts", "taken >= 0 AND capacity >= 0");
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_registrations_sessions_only_when_confirmed",
                table: "registrations",
                sql: "cardinality(session_ids) = 0 OR status = 'Confirmed'");

            migrationBuilder.CreateIndex(
                name: "ix_session_seats_event_id",
                table: "session_seats",
                column: "event_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_seats");

            migrationBuilder.DropCheckConstraint(
                name: "ck_registrations_sessions_only_when_confirmed",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "requested_session_ids",
                table: "registrations");
        }
    }
}
