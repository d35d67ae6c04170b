using EventPlatform.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Identity.Infrastructure;

/// <summary>People, their codes and passkeys, and OpenIddict's applications, authorizations and tokens.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<SignInCode> SignInCodes => Set<SignInCode>();

    public DbSet<Passkey> Passkeys => Set<Passkey>();

    public DbSet<PasskeyCeremony> PasskeyCeremonies => Set<PasskeyCeremony>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<Person>(person =>
        {
            person.ToTable("people");
            person.HasKey(p => p.Id);
            person.Property(p => p.Email).HasMaxLength(320);
            // The last line of defence behind find-or-create: one person per mailbox.
            person.HasIndex(p => p.Email).IsUnique();
        });
        modelBuilder.Entity<SignInCode>(code =>
        {
            code.ToTable("sign_in_codes");
            code.HasKey(c => c.Id);
            code.Property(c => c.Email).HasMaxLength(320);
            code.HasIndex(c => new { c.Email, c.ExpiresAt });
            // Two requests trading one code at once: the second save fails instead of signing in twice.
            code.Property(c => c.Attempts).IsConcurrencyToken();
            code.Property(c => c.UsedAt).IsConcurrencyToken();
        });
        modelBuilder.Entity<Passkey>(passkey =>
        {
            passkey.ToTable("passkeys");
            passkey.HasKey(p => p.Id);
            passkey.HasIndex(p => p.CredentialId).IsUnique();
            passkey.HasIndex(p => p.PersonId);
            passkey.Property(p => p.Name).HasMaxLength(Passkey.MaxNameLength);
            passkey.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasKey(t => t.Id);
            token.HasIndex(t => t.SecretHash).IsUnique();
            token.HasIndex(t => t.PersonId);
            token.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength);
            token.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PasskeyCeremony>(ceremony =>
        {
            ceremony.ToTable("passkey_ceremonies");
            ceremony.HasKey(c => c.Id);
        });
    }
}
