using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Analytics.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_facts",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gross_minor = table.Column<long>(type: "bigint", nullable: false),
                    net_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_facts", x => x.document_id);
                });

            migrationBuilder.CreateTable(
                name: "event_facts",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organizer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_facts", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    receive_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal", x => x.message_id);
                });

            migrationBuilder.CreateTable(
                name: "payment_facts",
                columns: table => new
                {
                    payment_intent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    failed_seen = table.Column<bool>(type: "boolean", nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_facts", x => x.payment_intent_id);
                });

            migrationBuilder.CreateTable(
                name: "refund_facts",
                columns: table => new
                {
                    refund_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refund_facts", x => x.refund_id);
                });

            migrationBuilder.CreateTable(
                name: "registration_facts",
                columns: table => new
                {
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirm_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    close_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    promoted_from_waitlist = table.Column<bool>(type: "boolean", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_facts", x => x.registration_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_facts_event_id",
                table: "document_facts",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_facts_organizer_id_start_time",
                table: "event_facts",
                columns: new[] { "organizer_id", "start_time" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_receive_time",
                table: "journal",
                column: "receive_time");

            migrationBuilder.CreateIndex(
                name: "ix_payment_facts_event_id",
                table: "payment_facts",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_refund_facts_event_id",
                table: "refund_facts",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_registration_facts_event_id",
                table: "registration_facts",
                column: "event_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_facts");

            migrationBuilder.DropTable(
                name: "event_facts");

            migrationBuilder.DropTable(
                name: "journal");

            migrationBuilder.DropTable(
                name: "payment_facts");

            migrationBuilder.DropTable(
                name: "refund_facts");

            migrationBuilder.DropTable(
                name: "registration_facts");
        }
    }
}
