using EventPlatform.Program.Domain.Speakers;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Program.Infrastructure;

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> e)
    {
        e.ToTable("speakers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, value => new SpeakerId(value));
        e.Property(x => x.OrganizerId).HasMaxLength(64);
        e.Property(x => x.OwnerId).HasMaxLength(128);
        e.ComplexProperty(x => x.Profile, p =>
        {
            p.Property(x => x.Name).HasColumnName("name").HasMaxLength(SpeakerProfile.MaxNameLength);
            p.Property(x => x.Bio).HasColumnName("bio").HasMaxLength(SpeakerProfile.MaxBioLength);
            p.Property(x => x.Email).HasColumnName("email").HasMaxLength(EmailAddress.MaxLength);
            p.Property(x => x.PhotoUrl).HasColumnName("photo_url").HasMaxLength(HttpUrl.MaxLength);
            p.Property(x => x.Affiliation).HasColumnName("affiliation").HasMaxLength(SpeakerProfile.MaxAffiliationLength);
        });
        e.Property<uint>("Version").IsRowVersion();
        e.HasRequestId();
        e.HasIndex(x => x.OrganizerId);
    }
}
