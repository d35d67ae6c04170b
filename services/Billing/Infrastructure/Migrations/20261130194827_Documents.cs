using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventPlatform.Billing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_files",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    create_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_files", x => x.document_id);
                });

            migrationBuilder.CreateTable(
                name: "document_series",
                columns: table => new
                {
                    organizer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_series", x => new { x.organizer_id, x.kind, x.year });
                    table.CheckConstraint("ck_document_series_last_number", "last_number > 0");
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    organizer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payment_intent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendee_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    net_total_minor = table.Column<long>(type: "bigint", nullable: false),
                    vat_total_minor = table.Column<long>(type: "bigint", nullable: false),
                    gross_total_minor = table.Column<long>(type: "bigint", nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    mentions = table.Column<List<string>>(type: "text[]", nullable: false),
                    pay_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    payment_method = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    replaces_invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    issue_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    buyer = table.Column<string>(type: "jsonb", nullable: false),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    seller = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.CheckConstraint("ck_invoices_sequence", "sequence > 0");
                    table.CheckConstraint("ck_invoices_totals", "gross_total_minor > 0 AND net_total_minor + vat_total_minor = gross_total_minor");
                    table.ForeignKey(
                        name: "fk_invoices_invoices_replaces_invoice_id",
                        column: x => x.replaces_invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    organizer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendee_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    refund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    net_total_minor = table.Column<long>(type: "bigint", nullable: false),
                    vat_total_minor = table.Column<long>(type: "bigint", nullable: false),
                    gross_total_minor = table.Column<long>(type: "bigint", nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    mentions = table.Column<List<string>>(type: "text[]", nullable: false),
                    issue_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    buyer = table.Column<string>(type: "jsonb", nullable: false),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    seller = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_notes", x => x.id);
                    table.CheckConstraint("ck_credit_notes_totals", "gross_total_minor > 0 AND net_total_minor + vat_total_minor = gross_total_minor");
                    table.ForeignKey(
                        name: "fk_credit_notes_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    organizer_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendee_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    payment_intent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_charge_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount_paid_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    payment_method = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    pay_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    issue_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    buyer = table.Column<string>(type: "jsonb", nullable: false),
                    seller = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipts", x => x.id);
                    table.CheckConstraint("ck_receipts_amount_positive", "amount_paid_minor > 0");
                    table.ForeignKey(
                        name: "fk_receipts_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_attendee_id_issue_time",
                table: "credit_notes",
                columns: new[] { "attendee_id", "issue_time" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_invoice_id",
                table: "credit_notes",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_number",
                table: "credit_notes",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_organizer_id_issue_time",
                table: "credit_notes",
                columns: new[] { "organizer_id", "issue_time" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_organizer_id_year_sequence",
                table: "credit_notes",
                columns: new[] { "organizer_id", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_refund_id",
                table: "credit_notes",
                column: "refund_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_registration_id",
                table: "credit_notes",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_attendee_id_issue_time",
                table: "invoices",
                columns: new[] { "attendee_id", "issue_time" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_number",
                table: "invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_organizer_id_issue_time",
                table: "invoices",
                columns: new[] { "organizer_id", "issue_time" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_organizer_id_year_sequence",
                table: "invoices",
                columns: new[] { "organizer_id", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_payment_intent_id",
                table: "invoices",
                column: "payment_intent_id",
                unique: true,
                filter: "replaces_invoice_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_registration_id",
                table: "invoices",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_replaces_invoice_id",
                table: "invoices",
                column: "replaces_invoice_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_receipts_attendee_id_issue_time",
                table: "receipts",
                columns: new[] { "attendee_id", "issue_time" });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_invoice_id",
                table: "receipts",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_number",
                table: "receipts",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_receipts_organizer_id_issue_time",
                table: "receipts",
                columns: new[] { "organizer_id", "issue_time" });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_organizer_id_year_sequence",
                table: "receipts",
                columns: new[] { "organizer_id", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_receipts_payment_intent_id",
                table: "receipts",
                column: "payment_intent_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_receipts_registration_id",
                table: "receipts",
                column: "registration_id");

            // Issued documents never change, whoever asks: the domain has no way to change them, and the database
            // refuses an UPDATE or DELETE of one, even straight in SQL. Corrections are credit notes.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_change_of_issued_document() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'issued documents never change: % of % refused (issue a credit note instead)', TG_OP, TG_TABLE_NAME
                        USING ERRCODE = 'integrity_constraint_violation';
                END;
                $$;
                """);
            foreach (var table in new[] { "invoices", "receipts", "credit_notes", "document_files" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_never_change BEFORE UPDATE OR DELETE ON {table}
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_document();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_notes");

            migrationBuilder.DropTable(
                name: "document_files");

            migrationBuilder.DropTable(
                name: "document_series");

            migrationBuilder.DropTable(
                name: "receipts");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.Sql("DROP FUNCTION refuse_change_of_issued_document();");
        }
    }
}
