using EventPlatform.Billing.Application.Issuing;
using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Infrastructure;
using EventPlatform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EventPlatform.Tests.Billing;

/// <summary>Numbering, immutability and once-only issuing, against real PostgreSQL, through billing's own wiring.</summary>
[Collection(BillingCollection.Name)]
public sealed class DocumentIssuingTests(BillingInfrastructure infrastructure)
{
    [Fact]
    public async Task Two_hundred_invoices_issued_concurrently_over_two_replicas_are_numbered_1_to_200_without_gap_or_duplicate()
    {
        var database = await infrastructure.CreateDatabaseAsync("numbering");
        var topics = $"billing-tests-{Guid.NewGuid():N}";
        await using var first = await BillingHost.StartAsync(infrastructure, database, topics);
        await using var second = await BillingHost.StartAsync(infrastructure, database, topics);
        BillingHost[] replicas = [first, second];

        var invoices = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            IssueAsync(replicas[i % 2], BillingSamples.Terms("org-concurrent")))));

        invoices.Select(i => i.Sequence).Order().ShouldBe(Enumerable.Range(1, 200));
        invoices.Select(i => i.Number).Distinct().Count().ShouldBe(200);
        invoices.ShouldAllBe(i => i.Number == $"LYNET-{i.Year}-{i.Sequence:D6}");
        var receipts = await first.InScopeAsync(s => s.GetRequiredService<BillingDbContext>().Receipts.Select(r => r.Sequence).ToListAsync());
        receipts.Order().ShouldBe(Enumerable.Range(1, 200));
    }

    [Fact]
    public async Task A_failed_issue_consumes_no_number()
    {
        await using var billing = await StartAsync("rollback");

        var before = await IssueAsync(billing, BillingSamples.Terms("org-rollback"));
        await Should.ThrowAsync<BusinessRuleBrokenException>(() => IssueAsync(billing, BillingSamples.Terms("org-rollback", lines: [])));
        var after = await IssueAsync(billing, BillingSamples.Terms("org-rollback"));

        (before.Sequence, after.Sequence).ShouldBe((1, 2));
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_issued_document()
    {
        await using var billing = await StartAsync("immutable");
        var invoice = await IssueAsync(billing, BillingSamples.Terms("org-immutable"));
        var database = await billing.InScopeAsync(s => Task.FromResult(s.GetRequiredService<BillingDbContext>().Database.GetConnectionString()!));
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();

        string[] statements =
        [
            $"UPDATE invoices SET gross_total_minor = 1 WHERE id = '{invoice.Id}'",
            $"DELETE FROM invoices WHERE id = '{invoice.Id}'",
            $"UPDATE receipts SET amount_paid_minor = 1 WHERE invoice_id = '{invoice.Id}'",
            $"DELETE FROM document_files WHERE document_id = '{invoice.Id}'",
        ];
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            refused.MessageText.ShouldContain("issued documents never change");
        }

        await using var check = new NpgsqlCommand($"SELECT gross_total_minor FROM invoices WHERE id = '{invoice.Id}'", connection);
        ((long)(await check.ExecuteScalarAsync())!).ShouldBe(15000);
    }

    [Fact]
    public async Task A_payment_issued_twice_or_concurrently_has_one_invoice_and_one_receipt()
    {
        await using var billing = await StartAsync("once");
        var terms = BillingSamples.Terms("org-once");

        var issued = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => IssueAsync(billing, terms))));
        var again = await IssueAsync(billing, terms);

        issued.Select(i => i.Id).Append(again.Id).Distinct().ShouldHaveSingleItem();
        var counts = await billing.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<BillingDbContext>();
            return (await db.Invoices.CountAsync(), await db.Receipts.CountAsync(), await db.DocumentFiles.CountAsync());
        });
        counts.ShouldBe((1, 1, 2));
    }

    [Fact]
    public async Task A_refund_yields_one_credit_note_for_its_amount_and_leaves_the_invoice_and_its_pdf_byte_for_byte()
    {
        await using var billing = await StartAsync("refund");
        var invoice = await IssueAsync(billing, BillingSamples.Terms("org-refund"));
        var pdfBefore = await FileAsync(billing, invoice.Id);
        var refund = new RefundCredit(invoice.PaymentIntentId, Guid.NewGuid(), new Money(4000, "EUR"), RefundCause.AttendeeCancelled);

        var creditNote = await billing.InScopeAsync(s => s.GetRequiredService<DocumentIssuing>().IssueRefundCreditNoteAsync(refund, CancellationToken.None));
        var again = await billing.InScopeAsync(s => s.GetRequiredService<DocumentIssuing>().IssueRefundCreditNoteAsync(refund, CancellationToken.None));
        var tooMuch = new RefundCredit(invoice.PaymentIntentId, Guid.NewGuid(), new Money(11001, "EUR"), RefundCause.OrganizerDecision);
        var refused = await Should.ThrowAsync<BusinessRuleBrokenException>(() =>
            billing.InScopeAsync(s => s.GetRequiredService<DocumentIssuing>().IssueRefundCreditNoteAsync(tooMuch, CancellationToken.None)));
        var pdfAfter = await FileAsync(billing, invoice.Id);

        again!.Id.ShouldBe(creditNote!.Id);
        (creditNote.Number, creditNote.GrossTotalMinor, creditNote.InvoiceNumber).ShouldBe(("LYNET-CN-2026-000001", 4000, invoice.Number));
        (creditNote.NetTotalMinor + creditNote.VatTotalMinor).ShouldBe(4000);
        refused.Rule.ShouldBeOfType<EventPlatform.Billing.Domain.CreditNotes.CreditMustNotExceedWhatIsLeftRule>();
        pdfAfter.Sha256.ShouldBe(pdfBefore.Sha256);
        pdfAfter.Content.ShouldBe(pdfBefore.Content);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdfAfter.Content)).ShouldBe(pdfBefore.Sha256);
    }

    private async Task<BillingHost> StartAsync(string purpose) =>
        await BillingHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync(purpose), $"billing-tests-{Guid.NewGuid():N}");

    private static Task<Invoice> IssueAsync(BillingHost billing, InvoiceTerms terms) =>
        billing.InScopeAsync(s => s.GetRequiredService<DocumentIssuing>().IssuePaidInvoiceAsync(new PaidInvoice(terms, "LYNET", "ch_test"), CancellationToken.None));

    private static Task<DocumentFile> FileAsync(BillingHost billing, Guid documentId) =>
        billing.InScopeAsync(s => s.GetRequiredService<BillingDbContext>().DocumentFiles.AsNoTracking().SingleAsync(f => f.DocumentId == documentId));
}
