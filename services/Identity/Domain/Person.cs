using EventPlatform.Domain;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Identity.Domain;

/// <summary>
/// Someone who signs in: known by the email address they proved they read. Everyone may register for events;
/// organizing needs a sign-up. Admins are named in configuration, not stored.
/// </summary>
public sealed class Person
{
    private Person()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-cased: one person per mailbox whatever the case it is typed in.</summary>
    public string Email { get; private set; } = "";

    public bool IsOrganizer { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastSignedInAt { get; private set; }

    public static Person SignUp(string email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Email = Normalize(email),
        CreatedAt = now,
    };

    /// <summary>The canonical form of an address, or INVALID_ARGUMENT on the field named.</summary>
    public static string Normalize(string? email, string fieldName = "email")
    {
        var trimmed = email?.Trim() ?? "";
        if (!EmailAddress.IsValid(trimmed))
        {
            throw new InvalidInputException([new FieldViolation(fieldName, "Give a bare email address, e.g. ada@example.org.")]);
        }

        return trimmed.ToLowerInvariant();
    }

    public void SignedIn(DateTimeOffset now) => LastSignedInAt = now;

    public void BecomeOrganizer() => IsOrganizer = true;
}
