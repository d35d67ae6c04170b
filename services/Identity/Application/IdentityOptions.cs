namespace EventPlatform.Identity.Application;

/// <summary>The identity service's settings (section <c>Identity</c>); the AppHost gives each of them locally.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The public URL tokens name as their issuer; services find the signing keys under it.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>RSA private key (PEM) tokens are signed with. Only this service holds it.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>256-bit key (base64) sealing authorization codes and refresh tokens, which only this service reads.</summary>
    public string EncryptionKey { get; set; } = "";

    /// <summary>Addresses of the people who sign in as admins.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Confidential clients by id (our services, internal systems): their secret, for client credentials.</summary>
    public Dictionary<string, string> Clients { get; set; } = [];

    /// <summary>Where the public client may send people back after sign-in (authorization code + PKCE).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Development only: tokens for any subject and roles (the <c>token</c> command, tests).</summary>
    public bool DevelopmentTokens { get; set; }

    public PasskeyOptions Passkeys { get; set; } = new();

    public sealed class PasskeyOptions
    {
        /// <summary>The WebAuthn relying party: the site's registrable domain.</summary>
        public string RelyingPartyId { get; set; } = "localhost";

        /// <summary>Origins whose pages may use passkeys (the web front).</summary>
        public List<string> Origins { get; set; } = [];
    }
}
