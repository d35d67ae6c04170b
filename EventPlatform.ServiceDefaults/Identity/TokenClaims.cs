namespace EventPlatform.ServiceDefaults.Identity;

/// <summary>What the identity service's access tokens carry, as every service reads them.</summary>
public static class TokenClaims
{
    /// <summary>The audience of every access token; a token for another audience is refused.</summary>
    public const string Audience = "eventplatform";

    public const string Subject = "sub";

    public const string Role = "role";

    /// <summary>Names the service a client-credentials token was issued to; people's tokens never carry it.</summary>
    public const string Service = "svc";
}
