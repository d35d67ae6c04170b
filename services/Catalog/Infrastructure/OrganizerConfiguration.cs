using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Catalog.Infrastructure;

internal sealed class OrganizerConfiguration : IEntityTypeConfiguration<Organizer>
{
    public void Configure(EntityTypeBuilder<Organizer> o)
    {
        o.ToTable("organizers");
        o.HasKey(x => x.Id);
        o.Property(x => x.Id).HasConversion(id => id.Value, value => new OrganizerId(value));
        o.Property(x => x.OwnerId).HasMaxLength(128);
        o.Property(x => x.InvoicePrefix).HasConversion(p => p.Value, value => InvoicePrefix.Create(value)).HasMaxLength(10);
        // Invoice numbers must never be mistaken for another organizer's.
        o.HasIndex(x => x.InvoicePrefix).IsUnique();
        o.ComplexProperty(x => x.Profile, p =>
        {
            p.Property(x => x.LegalName).HasColumnName("legal_name").HasMaxLength(OrganizerProfile.MaxLegalNameLength);
            p.Property(x => x.VatNumber).HasColumnName("vat_number").HasMaxLength(15);
            p.Property(x => x.ContactEmail).HasColumnName("contact_email").HasMaxLength(320);
            p.Property(x => x.ContactPhone).HasColumnName("contact_phone").HasMaxLength(32);
            p.ComplexProperty(x => x.Address, a =>
            {
                a.Property(x => x.Line1).HasColumnName("address_line1").HasMaxLength(200);
                a.Property(x => x.Line2).HasColumnName("address_line2").HasMaxLength(200);
                a.Property(x => x.PostalCode).HasColumnName("address_postal_code").HasMaxLength(20);
                a.Property(x => x.City).HasColumnName("address_city").HasMaxLength(100);
                a.Property(x => x.Region).HasColumnName("address_region").HasMaxLength(100);
                a.Property(x => x.CountryCode).HasColumnName("address_country_code").HasMaxLength(2);
            });
        });
        o.HasRequestId();
        o.HasIndex(x => x.OwnerId);
    }
}
