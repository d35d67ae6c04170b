using System.Security.Claims;
using EventPlatform.Domain;

namespace EventPlatform.ServiceDefaults.Identity;

public enum CallerRole
{
    Attendee,
    Organizer,
    Admin,
}

/// <summary>Who is calling, as the signed token in the call's metadata says. Services authorize on their own data.</summary>
public sealed record Caller(string Subject, IReadOnlySet<CallerRole> Roles)
{
    public bool IsAdmin => Roles.Contains(CallerRole.Admin);

    /// <summary>The caller of an authenticated call, or UNAUTHENTICATED when the call carried no valid token.</summary>
    public static Caller From(ClaimsPrincipal principal) =>
        TryFrom(principal) ?? throw new UnauthenticatedException(
            "This call needs a person's bearer token in the 'authorization' metadata (see README: signing in).");

    public static Caller? TryFrom(ClaimsPrincipal principal)
    {
        // A service's token names no person: where a person must call, it counts as no token at all.
        if (principal.Identity?.IsAuthenticated != true
            || principal.HasClaim(c => c.Type == TokenClaims.Service)
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } subject)
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<CallerRole>(c.Value, ignoreCase: true, out var role) ? role : (CallerRole?)null)
            .OfType<CallerRole>()
            .ToHashSet();
        return new Caller(subject, roles);
    }

    /// <summary>Only the owner of a resource, or an admin, may change it.</summary>
    public void MustOwn(string ownerSubject, string what)
    {
        if (!IsAdmin && !string.Equals(Subject, ownerSubject, StringComparison.Ordinal))
        {
            throw new PermissionDeniedException($"Only the organizer of {what} (or an admin) may change it.");
        }
    }
}
