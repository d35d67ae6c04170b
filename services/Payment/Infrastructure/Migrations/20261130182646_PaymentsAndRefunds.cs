using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Payment.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsAndRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "event_details",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organizer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_details", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "payment_intents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organizer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendee_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendee_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    provider_payment_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    client_secret = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    next_action_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    expire_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    declined_attempts = table.Column<int>(type: "integer", nullable: false),
                    provider_cancellation_due = table.Column<bool>(type: "boolean", nullable: false),
                    failure_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    failure_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    refunds_requested_minor = table.Column<long>(type: "bigint", nullable: false),
                    refunded_minor = table.Column<long>(type: "bigint", nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    succeed_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_intents", x => x.id);
                    table.CheckConstraint("ck_payment_intents_amount_positive", "amount_minor > 0");
                    table.CheckConstraint("ck_payment_intents_refunds_within_amount", "refunded_minor <= refunds_requested_minor AND refunds_requested_minor <= amount_minor");
                });

            migrationBuilder.CreateTable(
                name: "provider_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    object_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    receive_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    process_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "charges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_charge_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    payment_method = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    failure_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    failure_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    payment_intent_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charges", x => x.id);
                    table.ForeignKey(
                        name: "fk_charges_payment_intents_payment_intent_id",
                        column: x => x.payment_intent_id,
                        principalTable: "payment_intents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    payment_intent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organizer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendee_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    provider_refund_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    failure_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    full_refund = table.Column<bool>(type: "boolean", nullable: false),
                    submit_attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    complete_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    request_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refunds", x => x.id);
                    table.CheckConstraint("ck_refunds_amount_positive", "amount_minor > 0");
                    table.ForeignKey(
                        name: "fk_refunds_payment_intents_payment_intent_id",
                        column: x => x.payment_intent_id,
                        principalTable: "payment_intents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_charges_payment_intent_id",
                table: "charges",
                column: "payment_intent_id");

            migrationBuilder.CreateIndex(
                name: "ix_charges_provider_charge_id",
                table: "charges",
                column: "provider_charge_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_attendee_id_create_time_id",
                table: "payment_intents",
                columns: new[] { "attendee_id", "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_event_id_create_time_id",
                table: "payment_intents",
                columns: new[] { "event_id", "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_expire_time",
                table: "payment_intents",
                column: "expire_time",
                filter: "status IN ('RequiresPayment', 'Processing')");

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_provider_cancellation_due",
                table: "payment_intents",
                column: "provider_cancellation_due",
                filter: "provider_cancellation_due");

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_provider_payment_id",
                table: "payment_intents",
                column: "provider_payment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_intents_update_time",
                table: "payment_intents",
                column: "update_time",
                filter: "status IN ('RequiresPayment', 'Processing')");

            migrationBuilder.CreateIndex(
                name: "ix_provider_events_receive_time",
                table: "provider_events",
                column: "receive_time",
                filter: "process_time IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_refunds_attendee_id_create_time_id",
                table: "refunds",
                columns: new[] { "attendee_id", "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_refunds_create_time",
                table: "refunds",
                column: "create_time",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_refunds_event_id_create_time_id",
                table: "refunds",
                columns: new[] { "event_id", "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_refunds_payment_intent_id_create_time",
                table: "refunds",
                columns: new[] { "payment_intent_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "ix_refunds_provider_refund_id",
                table: "refunds",
                column: "provider_refund_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_refunds_request_id",
                table: "refunds",
                column: "request_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "charges");

            migrationBuilder.DropTable(
                name: "event_details");

            migrationBuilder.DropTable(
                name: "provider_events");

            migrationBuilder.DropTable(
                name: "refunds");

            migrationBuilder.DropTable(
                name: "payment_intents");
        }
    }
}
