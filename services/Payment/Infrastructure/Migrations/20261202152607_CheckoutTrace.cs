using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Payment.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CheckoutTrace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "open_trace_parent",
                table: "payment_intents",
                type: "character varying(55)",
                maxLength: 55,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "open_trace_parent",
                table: "payment_intents");
        }
    }
}
