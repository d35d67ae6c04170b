namespace EventPlatform.Identity.Domain;

/// <summary>
/// The options (and so the challenge) handed to a browser for one passkey registration or sign-in, kept until the
/// answer comes back — on the server, so any instance can finish what another began, and only once.
/// </summary>
public sealed class PasskeyCeremony
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private PasskeyCeremony()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Who is adding a passkey; null for a sign-in, where the passkey says who it is.</summary>
    public Guid? PersonId { get; private set; }

    public string OptionsJson { get; private set; } = "";

    public DateTimeOffset ExpiresAt { get; private set; }

    public static PasskeyCeremony Begin(Guid? personId, string optionsJson, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PersonId = personId,
        OptionsJson = optionsJson,
        ExpiresAt = now + Lifetime,
    };

    public bool IsLive(DateTimeOffset now) => now < ExpiresAt;
}
