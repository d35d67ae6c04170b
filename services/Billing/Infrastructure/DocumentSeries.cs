using EventPlatform.Billing.Application.Ports;
using EventPlatform.Billing.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Billing.Infrastructure;

/// <summary>The last number given in a series (organizer, kind, year). A row, not a sequence: a sequence skips on rollback.</summary>
internal sealed class DocumentSeries
{
    public string OrganizerId { get; set; } = "";

    public DocumentKind Kind { get; set; }

    public int Year { get; set; }

    public int LastNumber { get; set; }
}

internal sealed class DocumentSeriesConfiguration : IEntityTypeConfiguration<DocumentSeries>
{
    public void Configure(EntityTypeBuilder<DocumentSeries> builder)
    {
        builder.ToTable("document_series", t => t.HasCheckConstraint("ck_document_series_last_number", "last_number > 0"));
        builder.HasKey(s => new { s.OrganizerId, s.Kind, s.Year });
        builder.Property(s => s.OrganizerId).HasMaxLength(200);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

/// <summary>
/// One statement takes the next number: the upsert creates the series at 1 or adds 1, and keeps the row locked until
/// the issuing transaction ends. Another issuer of the same series waits for that end; a rollback gives the number
/// back, since the increment is rolled back with it.
/// </summary>
internal sealed class DocumentNumbers(BillingDbContext db) : IDocumentNumbers
{
    public async Task<int> NextAsync(string organizerId, DocumentKind kind, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A document number is taken inside the transaction that issues the document.");
        }

        var numbers = await db.Database.SqlQuery<int>(
                $"""
                INSERT INTO document_series AS s (organizer_id, kind, year, last_number) VALUES ({organizerId}, {kind.ToString()}, {year}, 1)
                ON CONFLICT (organizer_id, kind, year) DO UPDATE SET last_number = s.last_number + 1
                RETURNING s.last_number AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return numbers.Single();
    }
}
