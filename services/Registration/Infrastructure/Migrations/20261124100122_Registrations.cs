using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Registrations.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Registrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "waitlist_tickets");

            migrationBuilder.CreateTable(
                name: "capacity_policies",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    approval_required = table.Column<bool>(type: "boolean", nullable: false),
                    waitlist_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    hold_duration = table.Column<TimeSpan>(type: "interval", nullable: false),
                    price_amount_minor = table.Column<long>(type: "bigint", nullable: true),
                    price_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    registration_opens = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    registration_closes = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capacity_policies", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "event_seats",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    taken = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_seats", x => x.event_id);
                    table.CheckConstraint("ck_event_seats_taken_within_capacity", "taken >= 0 AND taken <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendee_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendee_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendee_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    attendee_locale = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    holds_seat = table.Column<bool>(type: "boolean", nullable: false),
                    price_amount_minor = table.Column<long>(type: "bigint", nullable: true),
                    price_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    hold_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    waitlist_ticket = table.Column<long>(type: "bigint", nullable: true),
                    promoted_from_waitlist = table.Column<bool>(type: "boolean", nullable: false),
                    note_to_organizer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    cancellation_cause = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approve_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirm_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    close_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    session_ids = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registrations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_event_id_status_waitlist_ticket",
                table: "registrations",
                columns: new[] { "event_id", "status", "waitlist_ticket" });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_hold_deadline",
                table: "registrations",
                column: "hold_deadline",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_registrations_request_id",
                table: "registrations",
                column: "request_id",
                unique: true);

            // EF cannot declare this index: the attendee is an owned type. Last line behind the application's check.
            migrationBuilder.Sql(
                "CREATE UNIQUE INDEX ux_registrations_one_active_per_attendee ON registrations (event_id, attendee_subject) " +
                "WHERE status IN ('AwaitingApproval', 'Pending', 'Confirmed', 'Waitlisted');");
            migrationBuilder.Sql(
                "ALTER TABLE registrations ADD CONSTRAINT ck_registrations_seat_only_when_active " +
                "CHECK (NOT holds_seat OR status IN ('AwaitingApproval', 'Pending', 'Confirmed'));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capacity_policies");

            migrationBuilder.DropTable(
                name: "event_seats");

            migrationBuilder.DropTable(
                name: "registrations");

            migrationBuilder.DropSequence(
                name: "waitlist_tickets");
        }
    }
}
