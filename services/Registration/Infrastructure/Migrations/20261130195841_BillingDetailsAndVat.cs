using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Registrations.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BillingDetailsAndVat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "billing_details",
                table: "registrations",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "vat_rate_basis_points",
                table: "registrations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "vat_rate_basis_points",
                table: "capacity_policies",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "billing_details",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "vat_rate_basis_points",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "vat_rate_basis_points",
                table: "capacity_policies");
        }
    }
}
