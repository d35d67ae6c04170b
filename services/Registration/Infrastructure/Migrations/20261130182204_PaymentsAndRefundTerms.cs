using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Registrations.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsAndRefundTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "expiry_reason",
                table: "registrations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "payment_intent_id",
                table: "registrations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "refunded_minor",
                table: "registrations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "organizer_id",
                table: "capacity_policies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "refund_deadline",
                table: "capacity_policies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refund_policy",
                table: "capacity_policies",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "None");

            // Before this migration every expiry was a lapsed hold.
            migrationBuilder.Sql("UPDATE registrations SET expiry_reason = 'HoldLapsed' WHERE status = 'Expired'");

            migrationBuilder.CreateIndex(
                name: "ix_registrations_payment_to_open",
                table: "registrations",
                column: "create_time",
                filter: "status = 'Pending' AND payment_intent_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registrations_payment_to_open",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "expiry_reason",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "payment_intent_id",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "refunded_minor",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "organizer_id",
                table: "capacity_policies");

            migrationBuilder.DropColumn(
                name: "refund_deadline",
                table: "capacity_policies");

            migrationBuilder.DropColumn(
                name: "refund_policy",
                table: "capacity_policies");
        }
    }
}
