namespace EventPlatform.Identity.Domain;

/// <summary>A WebAuthn credential a person registered: their fast way back in, one per device or password manager.</summary>
public sealed class Passkey
{
    public const int MaxNameLength = 100;

    private Passkey()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The authenticator's id for the credential (unique across every person).</summary>
    public byte[] CredentialId { get; private set; } = [];

    /// <summary>COSE-encoded public key the assertions are checked with.</summary>
    public byte[] PublicKey { get; private set; } = [];

    /// <summary>The authenticator's signature counter as last seen; a counter that goes back betrays a cloned key.</summary>
    public uint SignCount { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public static Passkey Register(Guid personId, byte[] credentialId, byte[] publicKey, uint signCount, string? name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PersonId = personId,
        CredentialId = credentialId,
        PublicKey = publicKey,
        SignCount = signCount,
        Name = string.IsNullOrWhiteSpace(name) ? "Passkey" : name.Trim()[..Math.Min(name.Trim().Length, MaxNameLength)],
        CreatedAt = now,
    };

    public void Used(uint signCount, DateTimeOffset now)
    {
        SignCount = signCount;
        LastUsedAt = now;
    }
}
