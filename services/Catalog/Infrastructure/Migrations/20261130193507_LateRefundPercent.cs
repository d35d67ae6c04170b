using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Catalog.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LateRefundPercent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "late_refund_percent",
                table: "events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "ck_events_late_refund_percent",
                table: "events",
                sql: "late_refund_percent BETWEEN 0 AND 99");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_events_late_refund_percent",
                table: "events");

            migrationBuilder.DropColumn(
                name: "late_refund_percent",
                table: "events");
        }
    }
}
