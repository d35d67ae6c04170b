using System.Security.Cryptography;
using System.Text;

namespace EventPlatform.Identity.Domain;

/// <summary>
/// A one-time code emailed to prove someone reads a mailbox: six digits, short-lived, single use, and burnt after a
/// few wrong guesses (the rate limiter caps how often codes are asked for). Only its hash is stored.
/// </summary>
public sealed class SignInCode
{
    public const int Digits = 6;
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private SignInCode()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public byte[] CodeHash { get; private set; } = [];

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>A new code for the address; the code itself is returned once, to be emailed.</summary>
    public static (SignInCode Code, string Plain) Issue(string normalizedEmail, DateTimeOffset now)
    {
        var plain = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.CreateVersion7(now);
        return (new SignInCode
        {
            Id = id,
            Email = normalizedEmail,
            CodeHash = Hash(id, plain),
            ExpiresAt = now + Lifetime,
        }, plain);
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt && Attempts < MaxAttempts;

    /// <summary>One guess: right uses the code up; wrong counts towards burning it.</summary>
    public bool TryUse(string guess, DateTimeOffset now)
    {
        if (!IsUsable(now))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(CodeHash, Hash(Id, guess.Trim())))
        {
            Attempts++;
            return false;
        }

        UsedAt = now;
        return true;
    }

    // Salted with the code's id: two people's equal codes do not hash alike.
    private static byte[] Hash(Guid id, string code) => SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}"));
}
