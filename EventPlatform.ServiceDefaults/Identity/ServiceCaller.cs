using System.Security.Claims;

namespace EventPlatform.ServiceDefaults.Identity;

/// <summary>The service a client-credentials token was issued to, or null when a person (or nobody) is calling.</summary>
public static class ServiceCaller
{
    public static string? From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(TokenClaims.Service) : null;
}
