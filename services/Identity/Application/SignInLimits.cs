using System.Threading.RateLimiting;

namespace EventPlatform.Identity.Application;

/// <summary>
/// How often codes may be asked for and tried, per address and per client address: a mailbox is not flooded, and
/// six digits are not guessed (each code also dies after <c>SignInCode.MaxAttempts</c> wrong guesses). Per instance.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        key.Split(':', 2)[0] switch
        {
            "code" => Window(key, permits: 5, TimeSpan.FromMinutes(15)),
            "verify" => Window(key, permits: 10, TimeSpan.FromMinutes(15)),
            // Generous: a conference hall's attendees may all sign in from the venue's one address.
            _ => Window(key, permits: 300, TimeSpan.FromMinutes(1)),
        });

    /// <summary>Asking for a code to this address, from this client address.</summary>
    public bool MayRequestCode(string email, string? client) => Acquire($"code:{email}") && Acquire($"client:{client}");

    /// <summary>Trying a code (or a passkey) for this address or from this client address.</summary>
    public bool MayVerify(string? email, string? client) => (email is null || Acquire($"verify:{email}")) && Acquire($"client:{client}");

    public void Dispose() => _limiter.Dispose();

    private bool Acquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        });
}
