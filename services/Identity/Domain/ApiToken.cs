using System.Security.Cryptography;
using System.Text;

namespace EventPlatform.Identity.Domain;

/// <summary>
/// A personal API token for scripts: a long random secret, shown once, traded at the token endpoint for short-lived
/// access tokens. Only its hash is stored (the secret is random enough that a plain hash cannot be reversed), so a
/// leaked database leaks no token; the person revokes it by deleting it.
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "ept_";
    public const int MaxNameLength = 100;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    private ApiToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string Name { get; private set; } = "";

    public byte[] SecretHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>A new token and its secret, which is never seen again.</summary>
    public static (ApiToken Token, string Secret) Create(Guid personId, string? name, TimeSpan? lifetime, DateTimeOffset now)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var given = lifetime is { } l && l > TimeSpan.Zero && l < MaxLifetime ? l : MaxLifetime;
        var trimmed = string.IsNullOrWhiteSpace(name) ? "API token" : name.Trim();
        return (new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            Name = trimmed[..Math.Min(trimmed.Length, MaxNameLength)],
            SecretHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + given,
        }, secret);
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim()));

    public bool IsLive(DateTimeOffset now) => now < ExpiresAt;

    public void Used(DateTimeOffset now) => LastUsedAt = now;
}
